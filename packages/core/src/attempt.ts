// One attempt's deadline, combined with the caller's signal. Hand-rolled rather than
// `AbortSignal.any([signal, AbortSignal.timeout(ms)])` because that cannot be cleared (its timer
// outlives a fast answer) and costs an extra signal per attempt on the hot path.

// The longest delay a timer holds; a longer one (Infinity included) would fire at once.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The signal of one attempt and what ended it. */
export interface AttemptScope {
  /** Fires on the caller's abort (with its reason) or when the attempt's time runs out. */
  readonly signal: AbortSignal;
  /** Whether the attempt's own time ran out (rather than the caller aborting). */
  timedOut(): boolean;
  /** Stops the timer and detaches from the caller's signal; call once the attempt is settled. */
  end(): void;
}

/** Starts one attempt bounded by `timeout` ms (`Infinity` for none) and by the caller's `signal`. */
export function startAttempt(timeout: number, signal: AbortSignal | undefined): AttemptScope {
  const controller = new AbortController();
  let timedOut = false;
  const timer =
    timeout >= MAX_TIMER_MS
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeout);
  const onAbort = () => controller.abort(signal?.reason);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener("abort", onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    end: () => {
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    },
  };
}
