/** A clock that only moves when told to, for testing expiry and rate limits without waiting. */
export interface ManualClock {
  /** Current time in milliseconds since the epoch; pass it as the emulator's `clock`. */
  now: () => number;
  /** Moves the clock forward. */
  advance(ms: number): void;
  /** Jumps to an absolute time. */
  set(ms: number): void;
}

/** A manual clock starting at `start` (ms since the epoch; default 2025-01-01T00:00:00Z). */
export function createManualClock(start = Date.UTC(2025, 0, 1)): ManualClock {
  let time = start;
  return {
    now: () => time,
    advance(ms) {
      time += ms;
    },
    set(ms) {
      time = ms;
    },
  };
}
