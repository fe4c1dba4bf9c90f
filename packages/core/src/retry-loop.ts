import { abortError } from "./transport-failure.ts";

/** One finished attempt, as a client's debug log reports it. */
export interface AttemptEvent {
  /** 1 for the first attempt. */
  attempt: number;
  /** The most attempts this call may make (`maxRetries + 1`). */
  maxAttempts: number;
  elapsedMs: number;
  /** The HTTP status, when an answer came. */
  status?: number;
  /** Why the attempt failed, when it did. */
  error?: unknown;
  /** The wait before the next attempt, when there will be one. */
  retryDelayMs?: number;
}

/** Waits `ms` between attempts, rejecting with the caller's abort (its reason as `cause`) as soon as `signal` fires. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError(signal.reason));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
