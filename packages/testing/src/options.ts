import type { AuthMode } from "./auth.ts";
import type { FaultOptions } from "./faults.ts";
import type { RateLimit } from "./rate-limiter.ts";
import type { LoggedRequest } from "./request-log.ts";

/** The key the emulator accepts when no `apiKey` option is given. */
export const DEFAULT_API_KEY = "test-key";

/** Prompts containing one of these words get the 422 safety rejection unless `blockedWords` is set. */
export const DEFAULT_BLOCKED_WORDS: readonly string[] = ["nsfw"];

/** How an emulator behaves. Every option has a default that suits a test suite. */
export interface EmulatorOptions {
  /** Accepted API key(s), sent as `Authorization: Bearer KEY` or `Api-Key: KEY`. Default "test-key". */
  apiKey?: string | readonly string[];
  /**
   * Which header carries the key: `"api-key"` only `Api-Key` (like api.ideogram.ai), `"bearer"`
   * only `Authorization: Bearer` (like the reseller), `"any"` either (default). A key in the other
   * header gets a 401 that names the expected one, so a client sending the wrong scheme fails.
   */
  auth?: AuthMode;
  /** Words (case-insensitive, whole words) that make a prompt fail the safety check: 422. Default ["nsfw"]. */
  blockedWords?: readonly string[];
  /** Words that make the service answer 200 with `is_image_safe: false` and `url: null`. Default none. */
  unsafeWords?: readonly string[];
  /** Per-key request rate for operation calls; past it the answer is 429 with Retry-After. Default unlimited. */
  rateLimit?: RateLimit;
  /** The emulator's clock in ms since the epoch (timestamps, URL expiry, rate limits). Default Date.now. */
  clock?: () => number;
  /** Random source in [0, 1) for seeds of requests that give none. Default Math.random. */
  random?: () => number;
  /** Random faults on a seeded schedule; queue specific ones with `emulator.faults.next`. */
  faults?: FaultOptions;
  /** Lifetime of image URLs in seconds. Default 86400 (24 h, like the service). */
  imageTtlSeconds?: number;
  /** Extra delay before every operation's answer, in ms, to imitate generation time. Default 0. */
  latencyMs?: number;
  /** Origin (and optional path) image URLs start with. Default: taken from each generate request's URL. */
  publicURL?: string;
  /** HMAC secret that signs image URLs. Default: random per emulator. */
  signingSecret?: string;
  /** How many encoded PNGs to keep in memory (least recently used evicted). Default 64. */
  imageCacheSize?: number;
  /** Answer CORS preflights and allow any origin, for browser tests. Default true. */
  cors?: boolean;
  /** Unknown request fields: "reject" (400, default, catches typos) or "passthrough" (ignored). */
  unknownKeys?: "reject" | "passthrough";
  /** Most requests kept in `requests` (oldest dropped first). Default 1000. */
  logLimit?: number;
  /** Called after each request is answered (or dropped), e.g. to print an access log. */
  onRequest?: (request: LoggedRequest) => void;
}
