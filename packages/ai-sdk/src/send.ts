import type { APICallError } from "@ai-sdk/provider";
import type { FetchFunction } from "@ai-sdk/provider-utils";
import {
  APIError,
  APIUserAbortError,
  IdeogramError,
  type InputOf,
  type Operation,
  type OutputOf,
  pipelineWithResponse,
  type RequestTarget,
  type Transport,
} from "@ideokit/core";
import { toAPICallError } from "./api-call-error.ts";

/** What {@link send} needs besides the operation and its checked input. */
export interface SendContext {
  fetch: FetchFunction;
  target: RequestTarget;
  signal: AbortSignal | undefined;
  /** What `APICallError.requestBodyValues` shows (files named, not dumped). */
  requestBodyValues: unknown;
}

function fetchTransport(fetch: FetchFunction): Transport {
  return async (request, { signal }) => {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal,
    });
    return { status: response.status, headers: response.headers, text: () => response.text() };
  };
}

function responseBodyOf(error: IdeogramError): string | undefined {
  if (!(error instanceof APIError) || error.body === undefined) return undefined;
  return typeof error.body === "string" ? error.body : JSON.stringify(error.body);
}

/**
 * One call through core's pipeline with `maxRetries: 0`: the AI SDK's own `maxRetries` loop
 * retries what `APICallError.isRetryable` (core's retry policy) allows, so there is never a loop
 * inside a loop. Core's errors become `APICallError`s; the caller's abort rejects with the
 * signal's reason, which the AI SDK never retries.
 */
export async function send<O extends Operation>(
  operation: O,
  input: InputOf<O>,
  context: SendContext,
): Promise<{ data: OutputOf<O>; headers: Record<string, string> }> {
  const { target } = context;
  try {
    const { data, response } = await pipelineWithResponse(
      operation,
      input,
      {
        transport: fetchTransport(context.fetch),
        baseURL: target.baseURL,
        auth: target.auth,
        apiKey: target.apiKey,
        headers: target.headers,
        // The AI SDK has no timeout of its own: its abortSignal bounds the call.
        timeout: Number.POSITIVE_INFINITY,
        maxRetries: 0,
        // callInput already ran the operation's check and checkFiles, to turn issues into warnings.
        validate: false,
      },
      { signal: context.signal },
    );
    return { data, headers: response.headers };
  } catch (error) {
    if (error instanceof APIUserAbortError) throw error.cause ?? error;
    if (!(error instanceof IdeogramError)) throw error;
    throw toAPICallError(error, {
      url: `${target.baseURL}${operation.path}`,
      requestBodyValues: context.requestBodyValues,
      responseBody: responseBodyOf(error),
      secrets: target.apiKey ? [target.apiKey] : [],
    }) satisfies APICallError;
  }
}
