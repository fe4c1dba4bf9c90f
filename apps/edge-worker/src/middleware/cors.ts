import { cors as honoCors } from "hono/cors";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context.ts";
import { errorResponse } from "../http/error-response.ts";

const ALLOW_HEADERS = ["authorization", "cache-control", "content-type", "x-request-id"];
/** What a page's client reads: the retry policy's inputs, both request ids and the cache verdict. */
const EXPOSE_HEADERS = [
  "x-request-id",
  "x-upstream-request-id",
  "retry-after",
  "retry-after-ms",
  "x-should-retry",
  "x-ideokit-cache",
];
const ALLOW_METHODS = ["GET", "POST", "OPTIONS"];

/**
 * CORS for the ALLOWED_ORIGINS allow-list ("*" allows any origin). A request from any other origin
 * gets no CORS header at all, and its preflight is refused with 403.
 */
export function cors() {
  const allowed = honoCors({
    origin: (origin) => origin,
    allowHeaders: ALLOW_HEADERS,
    exposeHeaders: EXPOSE_HEADERS,
    allowMethods: ALLOW_METHODS,
    maxAge: 600,
  });
  return createMiddleware<AppEnv>(async (c, next) => {
    const origin = c.req.header("origin");
    const origins = c.get("config").allowedOrigins;
    if (origin !== undefined && (origins.includes("*") || origins.includes(origin))) {
      return allowed(c, next);
    }
    if (c.req.method === "OPTIONS" && c.req.header("access-control-request-method") !== undefined) {
      return errorResponse(c, 403, "origin_not_allowed", "This origin may not call the worker.");
    }
    await next();
    c.header("Vary", "Origin", { append: true });
  });
}
