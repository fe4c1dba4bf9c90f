import { nextRetry } from "./retry.ts";
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

/** How a call is retried. */
export interface RetryLoopOptions<T> {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Aborts the call, including any wait between attempts. */
  signal?: AbortSignal | undefined;
  /** Told about every attempt (for debug logs); when absent, no clock is read. */
  onAttempt?: ((event: AttemptEvent) => void) | undefined;
  /** The HTTP status of a successful result, for `onAttempt`. */
  statusOf?: (result: T) => number;
}

/**
 * Runs `attempt` until it succeeds or core's retry policy (`nextRetry`: retryable errors only,
 * Retry-After honoured, backoff with jitter) says stop; the waits end at once when `signal` aborts.
 */
export async function withRetries<T>(
  attempt: (number: number) => Promise<T>,
  options: RetryLoopOptions<T>,
): Promise<T> {
  const { maxRetries, signal, onAttempt } = options;
  for (let number = 1; ; number++) {
    const started = onAttempt === undefined ? 0 : Date.now();
    try {
      const result = await attempt(number);
      onAttempt?.({
        attempt: number,
        maxAttempts: maxRetries + 1,
        elapsedMs: Date.now() - started,
        status: options.statusOf?.(result),
      });
      return result;
    } catch (error) {
      const decision = nextRetry(error, number, maxRetries);
      onAttempt?.({
        attempt: number,
        maxAttempts: maxRetries + 1,
        elapsedMs: Date.now() - started,
        error,
        retryDelayMs: decision.retry ? decision.delayMs : undefined,
      });
      if (!decision.retry) throw error;
      await sleep(decision.delayMs, signal);
    }
  }
}

/** Waits `ms`, rejecting with the caller's abort (its reason as `cause`) as soon as `signal` fires. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
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
