import { createMiddleware } from "hono/factory";
import type { AppEnv, Runtime } from "../context.ts";

/** Characters of an image token kept in the log: enough to correlate lines, useless as a link. */
const TOKEN_TAIL = 12;
/** Path segments longer than this are cut like tokens: a real route's segments are short words. */
const LONGEST_SEGMENT = 32;

/**
 * The path as logged: any long segment (an image token is a bearer link to its image, on the image
 * route or on a mistyped path alike) cut down to its last characters.
 */
function loggedPath(path: string): string {
  return path
    .split("/")
    .map((segment) => (segment.length > LONGEST_SEGMENT ? `…${segment.slice(-TOKEN_TAIL)}` : segment))
    .join("/");
}

/**
 * Sets the request's logger (`c.var.log`: one line per event, with the request id) for everything
 * after it, then writes one structured line per request: id, method, path, status, client and
 * duration; never a credential.
 */
export function accessLog(runtime: Pick<Runtime, "log" | "now">) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = runtime.now();
    const requestId = c.get("requestId");
    c.set("log", (event, fields) => runtime.log({ request_id: requestId, event, ...fields }));
    await next();
    runtime.log({
      request_id: c.get("requestId"),
      method: c.req.method,
      path: loggedPath(c.req.path),
      status: c.res.status,
      client: c.get("clientId"),
      ms: runtime.now() - started,
    });
  });
}
