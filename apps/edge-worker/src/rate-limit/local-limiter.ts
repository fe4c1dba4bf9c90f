/** The answer of a rate limiter: go ahead, or wait this many seconds. */
export type LimitOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** A per-isolate fixed-window counter, used where no Rate Limiting binding is bound. */
export interface LocalLimiter {
  take(key: string, max: number, periodSeconds: number): LimitOutcome;
}

interface Window {
  startedAt: number;
  count: number;
}

/** Windows kept before expired ones are swept, so a flood of client ids cannot grow memory without bound. */
const SWEEP_AT = 10_000;

/** Creates a fixed-window limiter over the given clock. */
export function createLocalLimiter(now: () => number): LocalLimiter {
  const windows = new Map<string, Window>();
  const sweep = (at: number, periodMs: number) => {
    for (const [key, window] of windows) if (at - window.startedAt >= periodMs) windows.delete(key);
    if (windows.size >= SWEEP_AT) windows.clear();
  };
  return {
    take(key, max, periodSeconds) {
      const at = now();
      const periodMs = periodSeconds * 1000;
      if (windows.size >= SWEEP_AT) sweep(at, periodMs);
      let window = windows.get(key);
      if (!window || at - window.startedAt >= periodMs) {
        window = { startedAt: at, count: 0 };
        windows.set(key, window);
      }
      if (window.count >= max) {
        return {
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt + periodMs - at) / 1000)),
        };
      }
      window.count++;
      return { allowed: true };
    },
  };
}
