/** The answer of a rate limiter: go ahead, or wait this many seconds. */
export type LimitOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** A per-isolate fixed-window counter, used where no Rate Limiting binding is bound. */
export interface LocalLimiter {
  /** Counts one call for `key` and says whether it is within `max` per period. */
  take(key: string, max: number, periodSeconds: number): LimitOutcome;
  /** Whether `key` is over `max` in its current window, without counting a call. */
  check(key: string, max: number): LimitOutcome;
}

interface Window {
  startedAt: number;
  periodMs: number;
  count: number;
}

/** Windows kept before expired ones are swept, so a flood of client ids cannot grow memory without bound. */
const SWEEP_AT = 10_000;
/** Past this many live windows the oldest ones under their limit are dropped too; limited ones never are. */
const MAX_WINDOWS = 50_000;

/** Creates a fixed-window limiter over the given clock. */
export function createLocalLimiter(now: () => number): LocalLimiter {
  const windows = new Map<string, Window & { max: number }>();
  const expired = (window: Window, at: number) => at - window.startedAt >= window.periodMs;
  const sweep = (at: number) => {
    for (const [key, window] of windows) if (expired(window, at)) windows.delete(key);
    // Map order is insertion order, so this walks from the oldest window.
    for (const [key, window] of windows) {
      if (windows.size < MAX_WINDOWS) break;
      if (window.count < window.max) windows.delete(key);
    }
  };
  const refusal = (window: Window, at: number): LimitOutcome => ({
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt + window.periodMs - at) / 1000)),
  });
  return {
    take(key, max, periodSeconds) {
      const at = now();
      if (windows.size >= SWEEP_AT) sweep(at);
      let window = windows.get(key);
      if (!window || expired(window, at)) {
        window = { startedAt: at, periodMs: periodSeconds * 1000, count: 0, max };
        windows.delete(key);
        windows.set(key, window);
      }
      if (window.count >= max) return refusal(window, at);
      window.count++;
      return { allowed: true };
    },
    check(key, max) {
      const at = now();
      const window = windows.get(key);
      return window && !expired(window, at) && window.count >= max ? refusal(window, at) : { allowed: true };
    },
  };
}
