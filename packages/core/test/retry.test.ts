import { describe, expect, it } from "vitest";
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  DEFAULT_MAX_RETRIES,
  errorFromResponse,
  isRetryableError,
  nextRetry,
  RequestValidationError,
  ResponseValidationError,
  retryAfterMs,
  retryDelayMs,
} from "../src/index.ts";

const httpError = (status: number, headers: Record<string, string> = {}) =>
  errorFromResponse({ status, headers, body: {} });
const noJitter = () => 0;
const fullJitter = () => 1;

describe("isRetryableError", () => {
  it.each([
    ["a connection error", new APIConnectionError(), true],
    ["a timeout", new APITimeoutError(), true],
    ["408", httpError(408), true],
    ["409", httpError(409), true],
    ["429", httpError(429), true],
    ["500", httpError(500), true],
    ["502", httpError(502), true],
    ["503", httpError(503), true],
    ["504", httpError(504), true],
    ["501", httpError(501), false],
    ["400", httpError(400), false],
    ["401", httpError(401), false],
    ["403", httpError(403), false],
    ["404", httpError(404), false],
    ["422", httpError(422), false],
    ["a user abort", new APIUserAbortError(), false],
    ["a request validation error", new RequestValidationError([]), false],
    ["a response validation error", new ResponseValidationError([]), false],
    ["a plain Error", new Error("boom"), false],
    ["a string", "boom", false],
  ])("%s → %s", (_case, error, retryable) => {
    expect(isRetryableError(error)).toBe(retryable);
  });

  it("honours x-should-retry both ways", () => {
    expect(isRetryableError(httpError(503, { "x-should-retry": "false" }))).toBe(false);
    expect(isRetryableError(httpError(501, { "x-should-retry": "true" }))).toBe(true);
  });

  it.each([400, 401, 403, 404, 422])("never retries %i, whatever x-should-retry says", (status) => {
    expect(isRetryableError(httpError(status, { "x-should-retry": "true" }))).toBe(false);
  });
});

describe("retryDelayMs backoff", () => {
  it.each([
    [1, 500],
    [2, 1000],
    [3, 2000],
    [4, 4000],
    [5, 8000],
    [6, 8000],
    [30, 8000],
  ])("retry %i waits %i ms before jitter", (attempt, delay) => {
    expect(retryDelayMs(attempt, { random: noJitter })).toBe(delay);
    expect(retryDelayMs(attempt, { random: fullJitter })).toBe(delay * 0.75);
  });

  it("stays within [75 %, 100 %] of the step with real randomness", () => {
    for (let run = 0; run < 100; run++) {
      const delay = retryDelayMs(2);
      expect(delay).toBeGreaterThanOrEqual(750);
      expect(delay).toBeLessThanOrEqual(1000);
    }
  });
});

describe("Retry-After forms", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");

  it.each([
    [{ "retry-after-ms": "1500" }, 1500],
    [{ "Retry-After-Ms": "250.5" }, 250.5],
    [{ "retry-after": "2" }, 2000],
    [{ "Retry-After": "0" }, 0],
    [{ "retry-after": "1.5" }, 1500],
    [{ "retry-after": "Wed, 01 Jan 2025 00:00:30 GMT" }, 30_000],
    [{ "retry-after-ms": "100", "retry-after": "9" }, 100],
    [{ "retry-after-ms": "soon", "retry-after": "4" }, 4000],
  ])("%j → %i ms", (headers, expected) => {
    expect(retryAfterMs(headers, now)).toBe(expected);
    expect(retryDelayMs(1, { headers, now, random: noJitter })).toBe(expected);
  });

  it.each([
    [{}],
    [{ "retry-after": "" }],
    [{ "retry-after": "-3" }],
    [{ "retry-after": "soon" }],
    [{ "retry-after": "Tue, 31 Dec 2024 23:59:00 GMT" }],
  ])("%j is ignored in favour of backoff", (headers) => {
    expect(retryAfterMs(headers, now)).toBeUndefined();
    expect(retryDelayMs(2, { headers, now, random: noJitter })).toBe(1000);
  });

  it("reads a Headers object", () => {
    expect(retryAfterMs(new Headers({ "Retry-After": "3" }))).toBe(3000);
  });

  it("caps the delay at 60 s", () => {
    expect(retryDelayMs(1, { headers: { "retry-after": "3600" }, random: noJitter })).toBe(60_000);
  });
});

describe("nextRetry", () => {
  it("retries up to maxRetries times, then stops", () => {
    const error = httpError(503);
    expect(DEFAULT_MAX_RETRIES).toBe(2);
    expect(nextRetry(error, 1, DEFAULT_MAX_RETRIES, { random: noJitter })).toEqual({
      retry: true,
      delayMs: 500,
    });
    expect(nextRetry(error, 2, DEFAULT_MAX_RETRIES, { random: noJitter })).toEqual({
      retry: true,
      delayMs: 1000,
    });
    expect(nextRetry(error, 3, DEFAULT_MAX_RETRIES, { random: noJitter })).toEqual({ retry: false });
    expect(nextRetry(error, 1, 0)).toEqual({ retry: false });
  });

  it("does not retry what is not retryable", () => {
    expect(nextRetry(httpError(422), 1, 5)).toEqual({ retry: false });
    expect(nextRetry(new APIUserAbortError(), 1, 5)).toEqual({ retry: false });
  });

  it("waits what a 429 asks for", () => {
    expect(nextRetry(httpError(429, { "retry-after": "7" }), 1, 2)).toEqual({ retry: true, delayMs: 7000 });
  });

  it("gives up when the server asks for more than 60 s", () => {
    expect(nextRetry(httpError(429, { "retry-after": "61" }), 1, 2)).toEqual({ retry: false });
    expect(nextRetry(httpError(429, { "retry-after": "60" }), 1, 2)).toEqual({
      retry: true,
      delayMs: 60_000,
    });
  });

  it("retries connection failures with backoff", () => {
    expect(nextRetry(new APIConnectionError(), 2, 2, { random: fullJitter })).toEqual({
      retry: true,
      delayMs: 750,
    });
  });
});
