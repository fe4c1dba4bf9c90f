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

/** The upstream's answer was larger than the worker reads (MAX_UPSTREAM_BYTES). */
export class UpstreamTooLargeError extends Error {
  override name = "UpstreamTooLargeError";
}

/**
 * The client's answer to an upstream that timed out (504), could not be reached or sent too much (502), noted in
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
  if (error instanceof UpstreamTooLargeError) {
    note("upstream_too_large");
    return errorResponse(c, 502, "upstream_too_large", "The upstream sent more than the worker reads.");
  }
  if (error instanceof UpstreamUnreachableError) {
    note("upstream_unreachable");
    return errorResponse(c, 502, "upstream_unreachable", "The upstream could not be reached.");
  }
  return undefined;
}
