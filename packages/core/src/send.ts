import { startAttempt } from "./attempt.ts";
import { errorFromResponse } from "./error-from-response.ts";
import type { IdeogramError } from "./errors.ts";
import { nextRetry } from "./retry.ts";
import { type AttemptEvent, sleep } from "./retry-loop.ts";
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
  /** Told about every attempt, for debug logs; when absent, no clock is read. */
  onAttempt?: ((event: AttemptEvent, request: TransportRequest) => void) | undefined;
  /**
   * The transport enforces `timeout` itself (undici's headersTimeout/bodyTimeout) and reports it as
   * `APITimeoutError`: core then starts no timer and passes the caller's signal through (or none),
   * which keeps a per-attempt AbortController and timer off the hot path.
   */
  nativeTimeout?: boolean | undefined;
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
  const scope = startAttempt(timeout, signal, settings.nativeTimeout === true);
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
 * Sends `request` through the transport with core's retry policy (`nextRetry`: retryable errors
 * only, Retry-After honoured, jittered backoff; the waits end at once when `signal` aborts): each
 * attempt bounded by the timeout and the caller's signal, a non-2xx answer turned into its
 * `APIError`, a 2xx answer handed to `read` within the attempt.
 */
export async function sendWithRetries<Response extends TransportResponse, T>(
  request: TransportRequest,
  settings: SendSettings<Response>,
  read: ReadAnswer<Response, T>,
): Promise<Answer<Response, T>> {
  const { maxRetries, signal, onAttempt } = settings;
  for (let attempt = 1; ; attempt++) {
    const started = onAttempt === undefined ? 0 : Date.now();
    try {
      const answer = await sendOnce(request, settings, attempt, read);
      onAttempt?.(
        {
          attempt,
          maxAttempts: maxRetries + 1,
          elapsedMs: Date.now() - started,
          status: answer.response.status,
        },
        request,
      );
      return answer;
    } catch (error) {
      const decision = nextRetry(error, attempt, maxRetries);
      const retryDelayMs = decision.retry ? decision.delayMs : undefined;
      onAttempt?.(
        { attempt, maxAttempts: maxRetries + 1, elapsedMs: Date.now() - started, error, retryDelayMs },
        request,
      );
      if (!decision.retry) throw error;
      await sleep(decision.delayMs, signal);
    }
  }
}
