import { DEFAULT_MAX_RETRIES, nextRetry, RateLimitError } from "@ideokit/browser";

/** What the page shows while it waits before a retry: why, and the whole seconds left. */
export interface Wait {
  rateLimited: boolean;
  seconds: number;
}

/** "rate-limited, retrying in 4 s" (or "retrying in 4 s" after another retryable failure). */
export function waitMessage({ rateLimited, seconds }: Wait): string {
  return `${rateLimited ? "Rate-limited, retrying" : "Retrying"} in ${seconds} s`;
}

function pause(ms: number, signal: AbortSignal, onTick: (secondsLeft: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const end = Date.now() + ms;
    const tick = () => {
      const left = end - Date.now();
      if (left <= 0) {
        clearInterval(timer);
        signal.removeEventListener("abort", stop);
        resolve();
      } else onTick(Math.ceil(left / 1000));
    };
    const stop = () => {
      clearInterval(timer);
      reject(signal.reason);
    };
    const timer = setInterval(tick, 250);
    signal.addEventListener("abort", stop, { once: true });
    tick();
  });
}

/**
 * Runs `call` (made with `maxRetries: 0`) and retries it by core's policy (`nextRetry`, which honours
 * Retry-After), so the page can count the wait down instead of hiding it inside the client.
 */
export async function callWithCountdown<T>(
  call: () => Promise<T>,
  { signal, onWait }: { signal: AbortSignal; onWait: (wait: Wait | undefined) => void },
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const decision = nextRetry(error, attempt, DEFAULT_MAX_RETRIES);
      if (!decision.retry || signal.aborted) throw error;
      const rateLimited = error instanceof RateLimitError;
      await pause(decision.delayMs, signal, (seconds) => onWait({ rateLimited, seconds }));
      onWait(undefined);
    }
  }
}
