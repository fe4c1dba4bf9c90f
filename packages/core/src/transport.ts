import type { HeaderSource } from "./headers.ts";

// The one thing a client supplies to core's call pipeline: how to put a request on the wire.
// @ideokit/node passes an undici transport, @ideokit/browser a ky one; retries, timeouts, aborts,
// status mapping and parsing all stay in core, so every client behaves the same.

/** What a transport sends: an operation's `HttpRequest`, or a plain GET such as an image download. */
export interface TransportRequest {
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  body?: string | FormData;
}

/** How one attempt is bounded. */
export interface SendOptions {
  /**
   * Fires when the caller aborts or the attempt's time runs out; the transport must stop then.
   * Absent when nothing can abort the attempt (no caller signal, and the transport bounds its time itself).
   */
  signal?: AbortSignal | undefined;
  /** The attempt's timeout in ms (`Infinity` for none), for transports that also bound phases natively. */
  timeout: number;
}

/** An answer whose status and headers have arrived; `text()` reads the rest of the body. */
export interface TransportResponse {
  status: number;
  headers: HeaderSource;
  text(): Promise<string>;
}

/**
 * Sends one attempt and resolves once the status and headers are in. Rejects only when no answer
 * came (connection failure, abort); every HTTP status resolves, because core decides what it means.
 */
export type Transport<Response extends TransportResponse = TransportResponse> = (
  request: TransportRequest,
  options: SendOptions,
) => Promise<Response>;
