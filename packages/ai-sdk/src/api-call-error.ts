import { APICallError } from "@ai-sdk/provider";
import { APIError, type IdeogramError, isRetryableError, redactSecrets } from "@ideokit/core";

/** What the AI SDK's error reports about the call that failed. */
export interface FailedCall {
  url: string;
  /** The request fields (never the key, never file bytes). */
  requestBodyValues: unknown;
  /** The answer's text, when there was an answer. */
  responseBody?: string;
  secrets: readonly string[];
}

/**
 * Core's error for a failed call as the AI SDK's `APICallError`, whose `isRetryable` (from core's
 * retry policy) is what `generateImage`'s own `maxRetries` loop acts on; `cause` keeps core's error.
 */
export function toAPICallError(error: IdeogramError, call: FailedCall): APICallError {
  const answered = error instanceof APIError;
  return new APICallError({
    message: error.message,
    url: call.url,
    requestBodyValues: call.requestBodyValues,
    statusCode: answered ? error.status : undefined,
    responseHeaders: answered ? error.headers : undefined,
    responseBody:
      call.responseBody === undefined ? undefined : redactSecrets(call.responseBody, call.secrets),
    isRetryable: isRetryableError(error),
    data: answered ? error.body : undefined,
    cause: error,
  });
}
