import { APIConnectionError, APITimeoutError, APIUserAbortError, IdeogramError } from "@ideokit/core";
import type { AttemptSignal } from "./attempt-signal.ts";

const UNDICI_TIMEOUT_CODES = new Set([
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

/** Turns whatever undici threw during an attempt into core's error for it: abort, timeout, connection, or a request undici cannot send. */
export function transportError(
  error: unknown,
  attempt: AttemptSignal,
  callerSignal?: AbortSignal,
): IdeogramError {
  if (callerSignal?.aborted) return new APIUserAbortError();
  const code = errorCode(error);
  if (attempt.timedOut() || UNDICI_TIMEOUT_CODES.has(code)) return new APITimeoutError();
  if (error instanceof IdeogramError) return error;
  if (code === "UND_ERR_INVALID_ARG") return unsendable(error);
  return new APIConnectionError({ cause: error });
}

function errorCode(error: unknown): string {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
}

/**
 * undici refused to put the request on the wire, e.g. a header value with a line break (a key read
 * from a file with its trailing newline). No retry can fix that, so it is not a connection error.
 * undici names the header, never its value.
 */
function unsendable(error: unknown): IdeogramError {
  const reason = error instanceof Error ? error.message : String(error);
  const hint = / header$/.test(reason) ? " (check the API key and headers for line breaks or spaces)" : "";
  return new IdeogramError(`Cannot send the request: ${reason}${hint}.`);
}
