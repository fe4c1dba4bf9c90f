/** One attempt's abort signal: fires on the caller's signal or when the attempt's time runs out. */
export interface AttemptSignal {
  signal: AbortSignal;
  /** Whether the timeout (not the caller) ended the attempt. */
  timedOut(): boolean;
  /** Stops the timer; call once the attempt is settled. */
  clear(): void;
}

/** Combines the caller's signal with a per-attempt timer that can be cleared (AbortSignal.timeout cannot). */
export function attemptSignal(timeoutMs: number, callerSignal?: AbortSignal): AttemptSignal {
  const timer = new AbortController();
  let timedOut = false;
  const handle = setTimeout(() => {
    timedOut = true;
    timer.abort();
  }, timeoutMs);
  return {
    signal: callerSignal ? AbortSignal.any([callerSignal, timer.signal]) : timer.signal,
    timedOut: () => timedOut,
    clear: () => clearTimeout(handle),
  };
}
