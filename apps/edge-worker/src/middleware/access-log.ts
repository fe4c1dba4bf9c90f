import { createMiddleware } from "hono/factory";
import type { AppEnv, Runtime } from "../context.ts";
import { IMAGE_PATH } from "../images/proxy-urls.ts";

/** Characters of an image token kept in the log: enough to correlate lines, useless as a link. */
const TOKEN_TAIL = 12;

/** The path as logged: an image token, a bearer link to the image, is cut down to its last characters. */
function loggedPath(path: string): string {
  if (!path.startsWith(IMAGE_PATH)) return path;
  return `${IMAGE_PATH}…${path.slice(-TOKEN_TAIL)}`;
}

/** Writes one structured line per request: id, method, path, status, client and duration; never a credential. */
export function accessLog(runtime: Pick<Runtime, "log" | "now">) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = runtime.now();
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
