import type { Transport } from "@ideokit/core";
import ky from "ky";

/**
 * Core's transport over ky. ky's own retries, timeout and HTTP-error throwing are off: core's loop
 * decides what a status means, when to retry (POST included, with core's jitter and Retry-After)
 * and when an attempt has run out of time, exactly as in Node.
 */
export const kyTransport: Transport<Response> = (request, { signal }) =>
  ky(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal,
    retry: 0,
    timeout: false,
    throwHttpErrors: false,
  });
