import { byId } from "./element.ts";

/** Ends the busy state; `waiting` replaces the elapsed seconds while a retry is counted down. */
export interface Busy {
  stop(): void;
  waiting(message: string | undefined): void;
}

/**
 * Puts the Run button in its busy state (disabled, aria-busy, spinner, elapsed seconds), shows
 * Cancel (also Escape) wired to `controller`, and returns how to end the busy state.
 */
export function startBusy(controller: AbortController, idleLabel: string): Busy {
  const generate = byId<HTMLButtonElement>("generate");
  const label = byId("generate-label");
  const cancel = byId<HTMLButtonElement>("cancel");
  const gallery = byId("gallery");
  const started = performance.now();
  let wait: string | undefined;
  const tick = () => {
    label.textContent = wait ?? `Running… ${Math.floor((performance.now() - started) / 1000)} s`;
  };
  const abort = () => controller.abort();
  const onKey = (event: KeyboardEvent) => {
    if (event.key === "Escape") abort();
  };
  const hadFocus = document.activeElement === generate;

  generate.disabled = true;
  generate.setAttribute("aria-busy", "true");
  gallery.setAttribute("aria-busy", "true");
  cancel.hidden = false;
  cancel.addEventListener("click", abort);
  document.addEventListener("keydown", onKey);
  // The disabled button drops keyboard focus; Cancel is the one thing left to do.
  if (hadFocus) cancel.focus();
  tick();
  const timer = setInterval(tick, 1000);

  const stop = () => {
    clearInterval(timer);
    const cancelHadFocus = document.activeElement === cancel;
    cancel.removeEventListener("click", abort);
    document.removeEventListener("keydown", onKey);
    cancel.hidden = true;
    generate.disabled = false;
    generate.setAttribute("aria-busy", "false");
    gallery.setAttribute("aria-busy", "false");
    label.textContent = idleLabel;
    if (cancelHadFocus) generate.focus();
  };
  return {
    stop,
    waiting(message) {
      wait = message;
      tick();
    },
  };
}
