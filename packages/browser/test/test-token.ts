/** The credential the emulators accept; it stands in for the edge worker's client token. */
export const TEST_TOKEN = "browser-test-token";

/** The rate-limited emulator admits one generate call per second, then answers 429 with `Retry-After: 1`. */
export const RATE_LIMIT = { requests: 1, perMs: 1000 };
