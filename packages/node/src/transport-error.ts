import { APIConnectionError, APITimeoutError, APIUserAbortError, IdeogramError } from "@ideokit/core";
import type { AttemptSignal } from "./attempt-signal.ts";

const UNDICI_TIMEOUT_CODES = new Set([
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

/** Turns whatever undici threw during an attempt into core's error for it: abort, timeout or connection. */
export function transportError(
  error: unknown,
  attempt: AttemptSignal,
  callerSignal?: AbortSignal,
): IdeogramError {
  if (callerSignal?.aborted) return new APIUserAbortError();
  if (attempt.timedOut() || UNDICI_TIMEOUT_CODES.has(errorCode(error))) return new APITimeoutError();
  if (error instanceof IdeogramError) return error;
  return new APIConnectionError({ cause: error });
}

function errorCode(error: unknown): string {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
}
