import { startAttempt } from "./attempt.ts";
import { errorFromResponse } from "./error-from-response.ts";
import type { IdeogramError } from "./errors.ts";
import { type AttemptEvent, withRetries } from "./retry-loop.ts";
import type { Transport, TransportRequest, TransportResponse } from "./transport.ts";
import { transportFailure } from "./transport-failure.ts";

/** How one request is sent: the transport and the bounds of each attempt. */
export interface SendSettings<Response extends TransportResponse = TransportResponse> {
  transport: Transport<Response>;
  /** Per-attempt timeout in ms; `Infinity` for none. */
  timeout: number;
  /** Retries after the first attempt. */
  maxRetries: number;
  /** The caller's signal: aborts the call, including any wait between attempts. */
  signal?: AbortSignal | undefined;
  /** Strings (API keys, tokens) that no error may repeat. */
  secrets: readonly string[];
  /** Told about every attempt, for debug logs. */
  onAttempt?: ((event: AttemptEvent, request: TransportRequest) => void) | undefined;
}

/**
 * Reads a 2xx answer within its attempt (under its timeout, retried with it). `fail` maps an error
 * of the transport's body to core's (abort, timeout, connection); errors `read` throws unmapped
 * (a full disk, a parse error) end the call unless retryable.
 */
export type ReadAnswer<Response extends TransportResponse, T> = (
  response: Response,
  fail: (error: unknown) => IdeogramError,
) => Promise<T>;

/** A 2xx answer and what `read` made of it. */
export interface Answer<Response extends TransportResponse, T> {
  response: Response;
  value: T;
}

/** The body of an error answer: its JSON when it is JSON, else its text. */
function errorBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Reads a body as text within the attempt, its failures mapped to core's errors. */
export async function readText(
  response: TransportResponse,
  fail: (error: unknown) => IdeogramError,
): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    throw fail(error);
  }
}

async function sendOnce<Response extends TransportResponse, T>(
  request: TransportRequest,
  settings: SendSettings<Response>,
  attempts: number,
  read: ReadAnswer<Response, T>,
): Promise<Answer<Response, T>> {
  const { timeout, signal, secrets } = settings;
  const scope = startAttempt(timeout, signal);
  const fail = (error: unknown) =>
    transportFailure(error, {
      url: request.url,
      timeout,
      attempts,
      signal,
      timedOut: scope.timedOut(),
      secrets,
    });
  try {
    let response: Response;
    try {
      response = await settings.transport(request, { signal: scope.signal, timeout });
    } catch (error) {
      throw fail(error);
    }
    if (response.status < 200 || response.status > 299) {
      const body = errorBody(await readText(response, fail));
      throw errorFromResponse({ status: response.status, headers: response.headers, body, secrets });
    }
    return { response, value: await read(response, fail) };
  } finally {
    scope.end();
  }
}

/**
 * Sends `request` through the transport with core's retry policy: each attempt bounded by the
 * timeout and the caller's signal, a non-2xx answer turned into its `APIError` (retried when the
 * policy says so), a 2xx answer handed to `read` within the attempt.
 */
export function sendWithRetries<Response extends TransportResponse, T>(
  request: TransportRequest,
  settings: SendSettings<Response>,
  read: ReadAnswer<Response, T>,
): Promise<Answer<Response, T>> {
  const { onAttempt } = settings;
  return withRetries((attempts) => sendOnce(request, settings, attempts, read), {
    maxRetries: settings.maxRetries,
    signal: settings.signal,
    onAttempt: onAttempt === undefined ? undefined : (event) => onAttempt(event, request),
    statusOf: (answer) => answer.response.status,
  });
}
