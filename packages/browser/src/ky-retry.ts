import { nextRetry } from "@ideokit/core";
import type { RetryOptions } from "ky";

/**
 * ky retry options that defer both decisions to core's policy: ky never retries POST by default and
 * its own backoff ignores core's jitter, so `shouldRetry` asks core and `delay` replays core's answer.
 */
export function coreRetry(maxRetries: number, toIdeogramError: (error: unknown) => unknown): RetryOptions {
  let delayMs = 0;
  return {
    limit: maxRetries,
    methods: ["get", "post"],
    shouldRetry: ({ error, retryCount }) => {
      const decision = nextRetry(toIdeogramError(error), retryCount, maxRetries);
      if (decision.retry) delayMs = decision.delayMs;
      return decision.retry;
    },
    delay: () => delayMs,
  };
}
