import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context.ts";

const SAFE_ID = /^[\w.-]{1,128}$/;

/** Gives every request an id (a caller's safe `x-request-id`, else a UUID) and echoes it on every response. */
export function requestId() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const id = incoming !== undefined && SAFE_ID.test(incoming) ? incoming : crypto.randomUUID();
    c.set("requestId", id);
    await next();
    c.res.headers.set("x-request-id", id);
  });
}
