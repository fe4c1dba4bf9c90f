import { APIConnectionError, APITimeoutError } from "@ideokit/core";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../context.ts";
import { errorResponse } from "../http/error-response.ts";
import { TooManyBytesError } from "../http/limit-bytes.ts";

/** A worker-made error answer, as data, so requests sharing one upstream call each render it with their own id. */
export interface Failure {
  status: ContentfulStatusCode;
  type: string;
  message: string;
  /** What the log notes. */
  event: string;
}

/**
 * What the client hears of an upstream that failed, by core's error classes: a timeout (504), an
 * answer larger than the worker reads (a connection error caused by TooManyBytesError, 502) or no
 * answer at all (502); undefined for any other error, which the caller rethrows.
 */
export function failureOf(error: unknown): Failure | undefined {
  if (error instanceof APITimeoutError) {
    return {
      status: 504,
      type: "upstream_timeout",
      message: "The upstream did not answer in time.",
      event: "upstream_timeout",
    };
  }
  if (error instanceof APIConnectionError && error.cause instanceof TooManyBytesError) {
    const message = "The upstream sent more than the worker reads.";
    return { status: 502, type: "upstream_too_large", message, event: "upstream_too_large" };
  }
  if (error instanceof APIConnectionError) {
    const message = "The upstream could not be reached.";
    return { status: 502, type: "upstream_unreachable", message, event: "upstream_unreachable" };
  }
  return undefined;
}

/** {@link failureOf} as the client's answer, noted in the request's log; undefined for any other error. */
export function upstreamFailureResponse(c: Context<AppEnv>, error: unknown): Response | undefined {
  const failure = failureOf(error);
  if (failure === undefined) return undefined;
  c.var.log(failure.event);
  return errorResponse(c, failure.status, failure.type, failure.message);
}
