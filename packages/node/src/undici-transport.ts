import {
  APITimeoutError,
  IdeogramError,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from "@ideokit/core";
import { type Dispatcher, request } from "undici";
import { multipartBody } from "./multipart-body.ts";

/** An undici answer: status and headers in, the body still on the wire (`text()` or the stream). */
export interface UndiciResponse extends TransportResponse {
  headers: Record<string, string | string[] | undefined>;
  body: Dispatcher.ResponseData["body"];
}

const UNDICI_TIMEOUT_CODES = new Set([
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

// The longest delay undici's timers hold; a longer timeout (Infinity included) means none.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * What undici threw, in core's terms where undici knows better than core: its own phase timeouts
 * are timeouts, and a request it refused to put on the wire (a header value with a line break: a
 * key read from a file with its newline) is no connection error and cannot be fixed by retrying.
 * undici names the header, never its value. Everything else goes to core as it is.
 */
function undiciFailure(error: unknown): unknown {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  if (UNDICI_TIMEOUT_CODES.has(code)) return new APITimeoutError({ cause: error });
  if (code !== "UND_ERR_INVALID_ARG") return error;
  const reason = error instanceof Error ? error.message : String(error);
  const hint = / header$/.test(reason) ? " (check the API key and headers for line breaks or spaces)" : "";
  return new IdeogramError(`Cannot send the request: ${reason}${hint}.`);
}

class Answer implements UndiciResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Dispatcher.ResponseData["body"];

  constructor(data: Dispatcher.ResponseData) {
    this.status = data.statusCode;
    this.headers = data.headers;
    this.body = data.body;
  }

  async text(): Promise<string> {
    try {
      return await this.body.text();
    } catch (error) {
      throw undiciFailure(error);
    }
  }
}

/**
 * Core's transport over an undici dispatcher (the client's keep-alive Agent, or the caller's). It
 * enforces the attempt's timeout itself with undici's headersTimeout/bodyTimeout (run it with
 * `nativeTimeout: true`), so a call without a caller's signal creates no AbortSignal at all.
 */
export function undiciTransport(dispatcher: Dispatcher): Transport<UndiciResponse> {
  return async (outgoing: TransportRequest, { signal, timeout }) => {
    // undici bounds the wait for the headers and each pause in the body (its own 300 s defaults would
    // cut a longer configured timeout short); 0 turns a phase timeout off, so timeout 0 becomes 1 ms.
    const phaseTimeout = timeout >= MAX_TIMER_MS ? 0 : Math.max(1, timeout);
    // undici 8 refuses Node's global FormData: a multipart body is encoded here, streamed, per attempt.
    const multipart = outgoing.body instanceof FormData ? multipartBody(outgoing.body) : undefined;
    try {
      const data = await request(outgoing.url, {
        dispatcher,
        method: outgoing.method,
        headers: multipart === undefined ? outgoing.headers : { ...outgoing.headers, ...multipart.headers },
        body: multipart === undefined ? ((outgoing.body as string | undefined) ?? null) : multipart.body,
        signal,
        headersTimeout: phaseTimeout,
        bodyTimeout: phaseTimeout,
      });
      return new Answer(data);
    } catch (error) {
      throw undiciFailure(error);
    }
  };
}
