import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  errorFromResponse,
  IdeogramError,
} from "@ideokit/core";
import { isHTTPError, isNetworkError, isTimeoutError } from "ky";

/** What a failure means depends on whether the caller aborted, and which strings must never be shown. */
export interface ErrorContext {
  signal: AbortSignal | undefined;
  secrets: string[];
}

/** Maps whatever ky or fetch threw to the error classes core defines, so pages catch the same classes as Node. */
export function toIdeogramError(error: unknown, { signal, secrets }: ErrorContext): unknown {
  if (signal?.aborted) return new APIUserAbortError();
  if (error instanceof IdeogramError) return error;
  if (isHTTPError(error)) {
    const { status, headers } = error.response;
    return errorFromResponse({ status, headers, body: error.data, secrets });
  }
  if (isTimeoutError(error)) return new APITimeoutError();
  if (isNetworkError(error)) return new APIConnectionError({ cause: error.cause ?? error, secrets });
  return error;
}
