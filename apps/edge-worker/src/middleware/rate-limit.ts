import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context.ts";
import type { Config } from "../env.ts";
import { errorResponse } from "../http/error-response.ts";
import type { LimitOutcome, LocalLimiter } from "../rate-limit/local-limiter.ts";

/** What a rate limit counts: the key a call is counted under and how many calls a period allows. */
export interface LimitRule {
  key(c: Context<AppEnv>): string;
  max(config: Config): number;
}

/** The generate route's rule: per authenticated client, RATE_LIMIT_MAX. */
export const PER_CLIENT: LimitRule = {
  key: (c) => c.get("clientId"),
  max: (config) => config.rateLimit.max,
};

/** The answer past a limit: 429 with Retry-After. */
export function rateLimited(c: Context<AppEnv>, retryAfterSeconds: number): Response {
  c.header("Retry-After", String(retryAfterSeconds));
  return errorResponse(c, 429, "rate_limited", "Too many requests; retry later.");
}

/**
 * A rate limit by `rule`: the RATE_LIMITER binding when bound (its own limit applies to each key,
 * Retry-After is RATE_LIMIT_PERIOD_SECONDS), else the isolate-local limiter with the rule's max.
 * Over the limit: 429 with Retry-After, and nothing behind the middleware runs.
 */
export function rateLimit(local: LocalLimiter, rule: LimitRule = PER_CLIENT) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const key = rule.key(c);
    const config = c.get("config");
    const { periodSeconds } = config.rateLimit;
    const binding = c.env?.RATE_LIMITER;
    const outcome: LimitOutcome = binding
      ? (await binding.limit({ key })).success
        ? { allowed: true }
        : { allowed: false, retryAfterSeconds: periodSeconds }
      : local.take(key, rule.max(config), periodSeconds);
    if (!outcome.allowed) return rateLimited(c, outcome.retryAfterSeconds);
    await next();
  });
}
