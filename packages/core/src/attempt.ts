// One attempt's deadline, combined with the caller's signal. Hand-rolled rather than
// `AbortSignal.any([signal, AbortSignal.timeout(ms)])` because that cannot be cleared (its timer
// outlives a fast answer) and costs an extra signal per attempt. A transport that bounds attempts
// itself (undici's headersTimeout/bodyTimeout) gets no timer and no signal of core's at all.

// The longest delay a timer holds (2^31 - 1); a longer one (Infinity included) would fire at once.
// A literal, as `2 ** 31 - 1` is kept by esbuild in bundles that never start an attempt.
const MAX_TIMER_MS = 0x7fffffff;

/** The signal of one attempt and what ended it. */
export interface AttemptScope {
  /** Fires on the caller's abort (with its reason) or when the attempt's time runs out. */
  readonly signal: AbortSignal | undefined;
  /** Whether core's own timer ended the attempt (rather than the caller, or the transport's timeout). */
  timedOut(): boolean;
  /** Stops the timer and detaches from the caller's signal; call once the attempt is settled. */
  end(): void;
}

const never = () => false;
const nothing = () => {};

/**
 * Starts one attempt bounded by `timeout` ms (`Infinity` for none) and by the caller's `signal`;
 * with `nativeTimeout` the transport enforces the timeout and the caller's signal goes through as is.
 */
export function startAttempt(
  timeout: number,
  signal: AbortSignal | undefined,
  nativeTimeout: boolean,
): AttemptScope {
  if (nativeTimeout) return { signal, timedOut: never, end: nothing };
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
