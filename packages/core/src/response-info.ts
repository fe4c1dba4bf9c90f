import { type HeaderSource, normalizeHeaders, requestIdOf } from "./headers.ts";

/** The HTTP side of a successful call: status, lower-cased headers and the service's request id. */
export interface ResponseInfo {
  status: number;
  headers: Record<string, string>;
  /** The service's request id header, when it sent one. */
  requestId: string | undefined;
}

/** A parsed result together with the HTTP response it came in (what `generateWithResponse` returns). */
export interface WithResponse<T> {
  data: T;
  response: ResponseInfo;
}

/** The {@link ResponseInfo} of an answer, from its status and headers of either shape. */
export function responseInfo(status: number, headers: HeaderSource): ResponseInfo {
  return { status, headers: normalizeHeaders(headers), requestId: requestIdOf(headers) };
}
