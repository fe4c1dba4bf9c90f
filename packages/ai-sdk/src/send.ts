import type { FetchFunction } from "@ai-sdk/provider-utils";
import { isAbortError } from "@ai-sdk/provider-utils";
import {
  APIConnectionError,
  errorFromResponse,
  type HttpRequest,
  normalizeHeaders,
  ResponseValidationError,
} from "@ideokit/core";
import { toAPICallError } from "./api-call-error.ts";

/** A 2xx answer: its parsed body and lower-cased headers. */
export interface SentResponse<T> {
  data: T;
  headers: Record<string, string>;
}

/** What {@link send} needs besides the request. */
export interface SendContext<T> {
  /** The operation's `parse`: throws core's `ResponseValidationError` for a body it cannot use. */
  parse: (body: unknown) => T;
  fetch: FetchFunction;
  signal: AbortSignal | undefined;
  requestBodyValues: unknown;
  secrets: readonly string[];
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Sends one request, once: the AI SDK's `maxRetries` decides about retrying, so this never loops.
 * Failures become `APICallError`s; an abort propagates as the fetch's own abort error.
 */
export async function send<T>(request: HttpRequest, context: SendContext<T>): Promise<SentResponse<T>> {
  const call = { url: request.url, requestBodyValues: context.requestBodyValues, secrets: context.secrets };
  let response: Response;
  let text: string;
  try {
    response = await context.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: context.signal,
    });
    text = await response.text();
  } catch (cause) {
    // fetch rejects with the signal's reason, which need not look like an AbortError.
    if (isAbortError(cause) || context.signal?.aborted) throw cause;
    throw toAPICallError(new APIConnectionError({ cause, secrets: context.secrets }), call);
  }
  const headers = normalizeHeaders(response.headers);
  const body = parseBody(text);
  if (!response.ok) {
    const error = errorFromResponse({ status: response.status, headers, body, secrets: context.secrets });
    throw toAPICallError(error, { ...call, responseBody: text });
  }
  try {
    if (typeof body === "string") {
      const preview = text.length > 80 ? `${text.slice(0, 80)}…` : text;
      throw new ResponseValidationError([
        {
          path: [],
          code: "invalid_json",
          message: `body is not valid JSON; received ${JSON.stringify(preview)}`,
        },
      ]);
    }
    return { data: context.parse(body), headers };
  } catch (error) {
    if (!(error instanceof ResponseValidationError)) throw error;
    throw toAPICallError(error, { ...call, responseBody: text });
  }
}
