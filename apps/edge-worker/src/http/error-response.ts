import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../context.ts";

/** A worker-made error body: `{ error: { type, message, request_id, ...extra } }`. */
export function errorResponse(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  type: string,
  message: string,
  extra: Record<string, unknown> = {},
): Response {
  return c.json({ error: { type, message, ...extra, request_id: c.get("requestId") } }, status);
}
