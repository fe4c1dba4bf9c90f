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

/** Issues listed in a 400 at most: a hostile body must not turn into a large answer. */
export const MAX_ISSUES = 20;

/** What a 400 says about one problem in the request. */
export interface IssueSummary {
  path: readonly (string | number)[];
  message: string;
}

/**
 * A 400 `invalid_request` listing the first {@link MAX_ISSUES} issues and `issue_count`, how many
 * there were, so the answer stays small whatever the body (8,000 palette members, 8,000 issues).
 */
export function invalidRequestResponse(
  c: Context<AppEnv>,
  message: string,
  issues: readonly IssueSummary[],
): Response {
  return errorResponse(c, 400, "invalid_request", message, {
    issues: issues.slice(0, MAX_ISSUES).map(({ path, message }) => ({ path, message })),
    issue_count: issues.length,
  });
}
