import { ClientOptionError, type RequestOptions } from "@ideokit/core";
import type { UploadProgressListener } from "./ky-transport.ts";

/** Per-call options of every browser method: core's, plus upload progress. */
export interface BrowserRequestOptions extends RequestOptions {
  /**
   * Told how much of the request body has been sent (each retry starts from 0 again). ky then
   * streams the body, which Chromium-based browsers allow over HTTP/2 or later (the edge worker on
   * Cloudflare is); over HTTP/1.1, or where the browser cannot stream a request, the call fails
   * with `APIConnectionError` saying so.
   */
  onUploadProgress?: UploadProgressListener;
}

/** Throws {@link ClientOptionError} when `onUploadProgress` is given but is not a function. */
export function checkUploadProgress(
  options: BrowserRequestOptions | undefined,
): UploadProgressListener | undefined {
  const listener = options?.onUploadProgress;
  if (listener === undefined || typeof listener === "function") return listener;
  throw new ClientOptionError(
    "onUploadProgress",
    `Invalid onUploadProgress (${listener === null ? "null" : typeof listener}): expected a function.`,
  );
}
