import { RequestValidationError, validateGenerateRequest } from "@ideokit/core";
import { Hono } from "hono";
import type { AppEnv, Runtime } from "../context.ts";
import { errorResponse } from "../http/error-response.ts";
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

/**
 * `POST /generate` (mounted under /ideogram): auth → rate limit → body guard → core validation →
 * upstream. A request core rejects gets 400 with every issue, and the upstream receives nothing.
 */
export function generateRoute({ runtime, keys, limiter }: GenerateDeps): Hono<AppEnv> {
  const route = new Hono<AppEnv>();
  route.post("/generate", clientAuth(runtime), rateLimit(limiter), bodyGuard(), async (c) => {
    let request: ReturnType<typeof validateGenerateRequest>;
    try {
      request = validateGenerateRequest(c.get("body"));
    } catch (error) {
      if (!(error instanceof RequestValidationError)) throw error;
      return errorResponse(c, 400, "invalid_request", "The request does not match the generate contract.", {
        issues: error.issues.map(({ path, message }) => ({ path, message })),
      });
    }
    return forwardGenerate(c, request, { runtime, keys });
  });
  route.all("/generate", methodNotAllowed(["POST", "OPTIONS"]));
  return route;
}
