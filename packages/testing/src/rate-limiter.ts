/** At most `requests` generate calls per API key in any window of `perMs` milliseconds. */
export interface RateLimit {
  requests: number;
  perMs: number;
}

/** Sliding-window limiter: `admit` returns 0 when the call may proceed, else the ms until it may. */
export interface RateLimiter {
  admit(key: string): number;
  clear(): void;
}

/** A limiter on the emulator's clock. */
export function createRateLimiter(limit: RateLimit, now: () => number): RateLimiter {
  const history = new Map<string, number[]>();
  return {
    admit(key) {
      const time = now();
      const recent = (history.get(key) ?? []).filter((at) => at > time - limit.perMs);
      history.set(key, recent);
      if (recent.length >= limit.requests)
        return recent[recent.length - limit.requests]! + limit.perMs - time;
      recent.push(time);
      return 0;
    },
    clear: () => history.clear(),
  };
}
