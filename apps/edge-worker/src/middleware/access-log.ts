import { createMiddleware } from "hono/factory";
import type { AppEnv, Runtime } from "../context.ts";

/** Writes one structured line per request: id, method, path, status, client and duration; never a credential. */
export function accessLog(runtime: Pick<Runtime, "log" | "now">) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = runtime.now();
    await next();
    runtime.log({
      request_id: c.get("requestId"),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      client: c.get("clientId"),
      ms: runtime.now() - started,
    });
  });
}
