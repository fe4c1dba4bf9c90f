import { APIConnectionError, APIError } from "./errors.ts";
import { type HeaderSource, headerValue } from "./headers.ts";

/** Retries after the first attempt unless the caller says otherwise. */
export const DEFAULT_MAX_RETRIES = 2;
/** Delay before the first retry, doubled for each further one. */
export const INITIAL_RETRY_DELAY_MS = 500;
/** Ceiling of the exponential backoff. */
export const MAX_RETRY_DELAY_MS = 8000;
/** Longest server-requested wait (`Retry-After`) that is still honoured by retrying. */
export const MAX_RETRY_AFTER_MS = 60_000;

const RETRYABLE_STATUSES = [408, 409, 429, 500, 502, 503, 504];
// Retrying these cannot succeed: the request or the key is wrong, or the prompt was judged unsafe.
const NEVER_RETRIED_STATUSES = [400, 401, 403, 404, 422];

/**
 * Whether retrying could help: connection failures and timeouts, 408/409/429/500/502/503/504, or
 * whatever `x-should-retry` says; never 400/401/403/404/422, aborts or validation errors.
 */
export function isRetryableError(error: unknown): boolean {
  if (error instanceof APIConnectionError) return true;
  if (!(error instanceof APIError) || NEVER_RETRIED_STATUSES.includes(error.status)) return false;
  const shouldRetry = error.headers["x-should-retry"];
  if (shouldRetry === "true") return true;
  if (shouldRetry === "false") return false;
  return RETRYABLE_STATUSES.includes(error.status);
}

/**
 * The wait the server asked for, in ms: `retry-after-ms`, else `Retry-After` as seconds or an
 * HTTP date (relative to `now`). Undefined when absent, unparseable or in the past.
 */
export function retryAfterMs(
  headers: HeaderSource | undefined,
  now: number = Date.now(),
): number | undefined {
  const milliseconds = Number.parseFloat(headerValue(headers, "retry-after-ms") ?? "");
  if (milliseconds >= 0) return milliseconds;
  const retryAfter = headerValue(headers, "retry-after")?.trim();
  if (retryAfter === undefined || retryAfter === "") return undefined;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const untilDate = Date.parse(retryAfter) - now;
  return untilDate >= 0 ? untilDate : undefined;
}

/** Knobs of the retry policy; `random` and `now` exist so tests and simulations are deterministic. */
export interface RetryOptions {
  headers?: HeaderSource;
  random?: () => number;
  now?: number;
}

/**
 * How long to wait before retry number `attempt` (1 for the first retry): the server's
 * `retry-after-ms`/`Retry-After` (capped at 60 s) when given, else 500 ms doubling up to 8 s,
 * minus up to 25 % jitter.
 */
export function retryDelayMs(attempt: number, options: RetryOptions = {}): number {
  const requested = retryAfterMs(options.headers, options.now);
  if (requested !== undefined) return Math.min(requested, MAX_RETRY_AFTER_MS);
  const backoff = Math.min(INITIAL_RETRY_DELAY_MS * 2 ** (Math.max(1, attempt) - 1), MAX_RETRY_DELAY_MS);
  const random = options.random ?? Math.random;
  return Math.round(backoff * (1 - random() * 0.25));
}

/** What to do after a failure: give up, or wait `delayMs` and send again. */
export type RetryDecision = { retry: false } | { retry: true; delayMs: number };

/**
 * The whole policy in one call: retry number `attempt` (1-based) happens when it is within
 * `maxRetries`, the error is retryable and the server did not ask to wait longer than 60 s.
 * A retried generate that reached the service may be billed twice.
 */
export function nextRetry(
  error: unknown,
  attempt: number,
  maxRetries: number,
  options: Omit<RetryOptions, "headers"> = {},
): RetryDecision {
  if (attempt > maxRetries || !isRetryableError(error)) return { retry: false };
  const headers = error instanceof APIError ? error.headers : undefined;
  const requested = retryAfterMs(headers, options.now);
  if (requested !== undefined && requested > MAX_RETRY_AFTER_MS) return { retry: false };
  return { retry: true, delayMs: retryDelayMs(attempt, { ...options, headers }) };
}
