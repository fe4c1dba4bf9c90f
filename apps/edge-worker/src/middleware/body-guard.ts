import { every } from "hono/combine";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context.ts";
import { errorResponse, invalidRequestResponse } from "../http/error-response.ts";
import { readAtMost } from "../http/read-at-most.ts";

/** The largest request body the worker reads: a generate request is a few hundred bytes. */
export const MAX_BODY_BYTES = 16 * 1024;

const NOT_JSON = "The body is not valid JSON.";

const jsonOnly = createMiddleware<AppEnv>(async (c, next) => {
  const mediaType = c.req.header("content-type")?.split(";", 1)[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    return errorResponse(c, 415, "unsupported_media_type", "Send the body as application/json.");
  }
  await next();
});

const readJson = createMiddleware<AppEnv>(async (c, next) => {
  // A declared length over the limit is refused unread; any other is checked against the bytes.
  const declared = Number(c.req.header("content-length"));
  let bytes: Blob | undefined;
  try {
    const deadline = AbortSignal.timeout(c.get("config").requestBodyTimeoutMs);
    bytes =
      declared > MAX_BODY_BYTES ? undefined : await readAtMost(c.req.raw.body, MAX_BODY_BYTES, deadline);
  } catch (error) {
    if (!(error instanceof DOMException && error.name === "TimeoutError")) throw error;
    return errorResponse(c, 408, "request_timeout", "The request body did not arrive in time.");
  }
  if (bytes === undefined) {
    return errorResponse(c, 413, "payload_too_large", `The body must be at most ${MAX_BODY_BYTES} bytes.`);
  }
  let body: unknown;
  try {
    body = JSON.parse(await bytes.text());
  } catch {
    return invalidRequestResponse(c, NOT_JSON, [{ path: [], message: NOT_JSON }]);
  }
  c.set("body", body);
  await next();
});

/**
 * JSON only (415), at most 16 kB however it is framed (413), read within REQUEST_BODY_TIMEOUT_MS
 * (408), well-formed (400); the parsed body lands in `c.var.body`.
 */
export function bodyGuard() {
  return every(jsonOnly, readJson);
}
