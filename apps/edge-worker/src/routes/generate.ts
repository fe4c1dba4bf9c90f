import { RequestValidationError, validateGenerateRequest } from "@ideokit/core";
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { CACHE_STATUS_HEADER } from "../cache/generate-cache.ts";
import type { AppEnv, Runtime } from "../context.ts";
import { invalidRequestResponse } from "../http/error-response.ts";
import { methodNotAllowed } from "../http/method-not-allowed.ts";
import { bodyGuard } from "../middleware/body-guard.ts";
import { clientAuth } from "../middleware/client-auth.ts";
import { rateLimit } from "../middleware/rate-limit.ts";
import type { LocalLimiter } from "../rate-limit/local-limiter.ts";
import { forwardGenerate } from "../upstream/forward.ts";
import type { KeyStore } from "../upstream/key-store.ts";

/** What the generate route shares with the rest of the app. */
export interface GenerateDeps {
  runtime: Runtime;
  keys: KeyStore;
  limiter: LocalLimiter;
}

/** Answers refused before the cache is consulted (auth, limits, body, validation) say BYPASS too. */
const bypassUnlessSet = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (!c.res.headers.has(CACHE_STATUS_HEADER)) c.res.headers.set(CACHE_STATUS_HEADER, "BYPASS");
});

/**
 * `POST /generate` (mounted under /ideogram): auth → rate limit → body guard → core validation →
 * generation cache → upstream. A request core rejects gets 400 with its first issues and their count, and the upstream
 * receives nothing.
 */
export function generateRoute({ runtime, keys, limiter }: GenerateDeps): Hono<AppEnv> {
  const route = new Hono<AppEnv>();
  route.post(
    "/generate",
    bypassUnlessSet,
    clientAuth(runtime, limiter),
    rateLimit(limiter),
    bodyGuard(),
    async (c) => {
      let request: ReturnType<typeof validateGenerateRequest>;
      try {
        request = validateGenerateRequest(c.get("body"));
      } catch (error) {
        if (!(error instanceof RequestValidationError)) throw error;
        return invalidRequestResponse(c, "The request does not match the generate contract.", error.issues);
      }
      return forwardGenerate(c, request, { runtime, keys });
    },
  );
  route.all("/generate", methodNotAllowed(["POST", "OPTIONS"]));
  return route;
}
