import type { Context } from "hono";
import type { AppEnv } from "../context.ts";
import { errorResponse } from "../http/error-response.ts";

/** The upstream did not answer within UPSTREAM_TIMEOUT_MS. */
export class UpstreamTimeoutError extends Error {
  override name = "UpstreamTimeoutError";
}

/** The upstream could not be reached (DNS, connection, TLS, reset). */
export class UpstreamUnreachableError extends Error {
  override name = "UpstreamUnreachableError";
}

/**
 * The client's answer to an upstream that timed out (504) or could not be reached (502), noted in
 * the log; undefined for any other error, which the caller handles or rethrows.
 */
export function upstreamFailureResponse(
  c: Context<AppEnv>,
  error: unknown,
  note: (event: string) => void,
): Response | undefined {
  if (error instanceof UpstreamTimeoutError) {
    note("upstream_timeout");
    return errorResponse(c, 504, "upstream_timeout", "The upstream did not answer in time.");
  }
  if (error instanceof UpstreamUnreachableError) {
    note("upstream_unreachable");
    return errorResponse(c, 502, "upstream_unreachable", "The upstream could not be reached.");
  }
  return undefined;
}
