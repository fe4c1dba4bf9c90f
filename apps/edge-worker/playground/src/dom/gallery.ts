import { byId, h } from "./element.ts";

// The gallery around a run: placeholders while it runs, what it showed before when it fails. The
// answers themselves are drawn by answer.ts, which loads with the client (run.ts).

/** A frame with a checkerboard, so a transparent image shows where it is see-through. */
export function frame(aspectRatio: string): HTMLDivElement {
  const box = h("div", { class: "frame" });
  box.style.aspectRatio = aspectRatio;
  return box;
}

/** Fills the gallery with `count` placeholders while the request runs. */
export function showPlaceholders(count: number): void {
  const cards = Array.from({ length: count }, () =>
    h("div", { class: "card placeholder", "aria-hidden": "true" }, frame("1")),
  );
  byId("gallery").replaceChildren(...cards);
}

/** Puts back what the gallery showed before a failed request, marked as the previous results. */
export function restoreGallery(previous: Node[], { failed }: { failed: boolean }): void {
  const gallery = byId("gallery");
  gallery.replaceChildren(...previous);
  const hasResults = previous.some(
    (node) => node instanceof HTMLElement && !node.classList.contains("empty"),
  );
  gallery.classList.toggle("previous", failed && hasResults);
}

/** The gallery's current cards, to restore after a cancelled or failed request. */
export function galleryContents(): Node[] {
  const gallery = byId("gallery");
  return [...gallery.childNodes].filter(
    (node) => !(node instanceof HTMLElement && node.classList.contains("placeholder")),
  );
}
