import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context.ts";
import { errorResponse } from "../http/error-response.ts";
import type { LimitOutcome, LocalLimiter } from "../rate-limit/local-limiter.ts";

/**
 * Per-client rate limit: the RATE_LIMITER binding when bound (Retry-After is its period), else the
 * isolate-local limiter. Over the limit: 429 with Retry-After, and the upstream is not called.
 */
export function rateLimit(local: LocalLimiter) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const key = c.get("clientId");
    const { max, periodSeconds } = c.get("config").rateLimit;
    const binding = c.env?.RATE_LIMITER;
    const outcome: LimitOutcome = binding
      ? (await binding.limit({ key })).success
        ? { allowed: true }
        : { allowed: false, retryAfterSeconds: periodSeconds }
      : local.take(key, max, periodSeconds);
    if (!outcome.allowed) {
      c.header("Retry-After", String(outcome.retryAfterSeconds));
      return errorResponse(c, 429, "rate_limited", "Too many requests; retry later.");
    }
    await next();
  });
}
