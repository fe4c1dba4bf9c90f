import { OPERATIONS, type TableOperation } from "@ideokit/core";
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { CACHE_STATUS_HEADER } from "../cache/generate-cache.ts";
import type { AppEnv } from "../context.ts";
import { bodyGuard } from "../middleware/body-guard.ts";
import { clientAuth } from "../middleware/client-auth.ts";
import { rateLimit } from "../middleware/rate-limit.ts";
import { validateInput } from "../middleware/validate-input.ts";
import type { LocalLimiter } from "../rate-limit/local-limiter.ts";
import { type AnswerDeps, answer } from "../upstream/answer.ts";

/** What the operation routes share with the rest of the app. */
export interface OperationDeps extends AnswerDeps {
  limiter: LocalLimiter;
}

/** Answers refused before the cache is consulted (auth, limits, body, validation) say BYPASS too. */
const bypassUnlessSet = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (!c.res.headers.has(CACHE_STATUS_HEADER)) c.res.headers.set(CACHE_STATUS_HEADER, "BYPASS");
});

/**
 * `POST {operation.path}` (mounted under /ideogram) for every operation of core's table, so a new
 * entry is served by being added: auth → rate limit → body (JSON or multipart, as the operation
 * takes) → core's validation of fields and files → {@link answer} (cache, upstream). A request
 * core rejects gets 400 with its first issues and their count, and the upstream receives nothing.
 */
export function operationRoutes({ limiter, ...deps }: OperationDeps): Hono<AppEnv> {
  const route = new Hono<AppEnv>();
  for (const operation of OPERATIONS as readonly TableOperation[]) {
    route.post(
      operation.path,
      bypassUnlessSet,
      clientAuth(deps.runtime, limiter),
      rateLimit(limiter),
      bodyGuard(operation),
      validateInput(operation),
      (c) => answer(c, operation, deps),
    );
  }
  return route;
}
