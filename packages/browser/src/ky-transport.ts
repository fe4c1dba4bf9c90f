import type { Transport, TransportRequest } from "@ideokit/core";
import ky, { type Progress } from "ky";

/** How far an upload has got, as ky reports it: `percent` from 0 to 1, bytes sent so far and in all. */
export type UploadProgress = Progress;

/** Called as the body of a call is sent; each attempt (a retry) reports from 0 again. */
export type UploadProgressListener = (progress: UploadProgress) => void;

// ky's own retries, timeout and HTTP-error throwing are off: core's loop decides what a status
// means, when to retry (POST included, with core's jitter and Retry-After) and when an attempt has
// run out of time, exactly as in Node.
function send(
  request: TransportRequest,
  signal: AbortSignal | undefined,
  onUploadProgress?: UploadProgressListener,
): Promise<Response> {
  return ky(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal,
    retry: 0,
    timeout: false,
    throwHttpErrors: false,
    ...(onUploadProgress === undefined ? {} : { onUploadProgress: (progress) => onUploadProgress(progress) }),
  });
}

/** Core's transport over ky. */
export const kyTransport: Transport<Response> = (request, { signal }) => send(request, signal);

/**
 * The ky transport reporting upload progress to `listener`. ky then sends the body as a stream,
 * which Chromium allows over HTTP/2 or later only.
 */
export function kyTransportWithProgress(listener: UploadProgressListener): Transport<Response> {
  return (request, { signal }) => send(request, signal, listener);
}
