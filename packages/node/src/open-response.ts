import { normalizeHeaders } from "@ideokit/core";
import { type Dispatcher, request } from "undici";
import { type AttemptSignal, attemptSignal } from "./attempt-signal.ts";
import { transportError } from "./transport-error.ts";

/** What to send: core's built request, or a plain GET. */
export interface OutgoingRequest {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
}

/** How to send one attempt. */
export interface AttemptOptions {
  dispatcher: Dispatcher;
  timeout: number;
  signal?: AbortSignal | undefined;
}

/** A response whose status and headers have arrived and whose body is still on the wire. */
export interface OpenResponse {
  status: number;
  headers: Record<string, string>;
  body: Dispatcher.ResponseData["body"];
  /** The attempt's signal; its timer keeps running until `attempt.clear()`. */
  attempt: AttemptSignal;
  /** Maps an error thrown while reading `body` the same way as one thrown while opening. */
  readError(error: unknown): Error;
}

// The longest delay a timer can hold; a longer one (Infinity included) would fire at once.
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** Sends one attempt and resolves once the headers are in; transport failures arrive as core's errors. */
export async function openResponse(
  outgoing: OutgoingRequest,
  options: AttemptOptions,
): Promise<OpenResponse> {
  const timeout = Math.min(options.timeout, MAX_TIMEOUT_MS);
  const attempt = attemptSignal(timeout, options.signal);
  const readError = (error: unknown) => transportError(error, attempt, options.signal);
  try {
    const response = await request(outgoing.url, {
      dispatcher: options.dispatcher,
      method: outgoing.method,
      headers: outgoing.headers,
      body: outgoing.body ?? null,
      signal: attempt.signal,
      // undici's own 300 s defaults would otherwise cut a longer configured timeout short.
      headersTimeout: timeout,
      bodyTimeout: timeout,
    });
    return {
      status: response.statusCode,
      headers: normalizeHeaders(response.headers),
      body: response.body,
      attempt,
      readError,
    };
  } catch (error) {
    attempt.clear();
    throw readError(error);
  }
}

/** Reads the whole body as text under the attempt's deadline, then stops its timer. */
export async function readText(response: OpenResponse): Promise<string> {
  try {
    return await response.body.text();
  } catch (error) {
    throw response.readError(error);
  } finally {
    response.attempt.clear();
  }
}
