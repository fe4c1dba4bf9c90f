import { nextRetry } from "@ideokit/core";
import { abortableSleep } from "./abortable-sleep.ts";
import { type DebugLog, describeOutcome } from "./debug-log.ts";

/** Retry settings for one call. */
export interface RetryOptions<T> {
  maxRetries: number;
  signal?: AbortSignal | undefined;
  log: DebugLog;
  /** "METHOD URL" for the debug log. */
  label: string;
  /** The HTTP status of a successful result, for the debug log. */
  statusOf(result: T): number;
}

/** Runs `attempt` until it succeeds or core's retry policy says stop; only the sleeping happens here. */
export async function withRetries<T>(attempt: () => Promise<T>, options: RetryOptions<T>): Promise<T> {
  const total = options.maxRetries + 1;
  for (let number = 1; ; number++) {
    const started = performance.now();
    try {
      const result = await attempt();
      options.log(
        `${options.label} ${options.statusOf(result)} attempt ${number}/${total} ${elapsed(started)}`,
      );
      return result;
    } catch (error) {
      const decision = nextRetry(error, number, options.maxRetries);
      const next = decision.retry ? `, retrying in ${Math.round(decision.delayMs)}ms` : "";
      options.log(
        `${options.label} ${describeOutcome(error)} attempt ${number}/${total} ${elapsed(started)}${next}`,
      );
      if (!decision.retry) throw error;
      await abortableSleep(decision.delayMs, options.signal);
    }
  }
}

function elapsed(started: number): string {
  return `${Math.round(performance.now() - started)}ms`;
}
