import {
  assertImageContentType,
  downloadableImageUrl,
  type ImageObject,
  urlWithoutQuery,
} from "@ideokit/core";
import type { ResolvedClientOptions } from "./client-options.ts";
import type { DebugLog } from "./debug-log.ts";
import { ensureOk } from "./ensure-ok.ts";
import { type OpenResponse, openResponse } from "./open-response.ts";
import { withRetries } from "./with-retries.ts";

/** Options of an image download. */
export interface DownloadOptions {
  signal?: AbortSignal;
  /** Extra request headers for the image host (the API key is never sent there). */
  headers?: Record<string, string>;
}

/**
 * GETs an image with retries and checks it is one; resolves with the body still streaming.
 * An image without a URL or with an expired one is refused before any request.
 * The attempt timer is stopped once headers arrive: undici's bodyTimeout then bounds each idle gap instead.
 */
export async function openImage(
  config: ResolvedClientOptions,
  log: DebugLog,
  image: ImageObject | string,
  options: DownloadOptions = {},
): Promise<OpenResponse> {
  const url = downloadableImageUrl(image);
  return withRetries(
    async () => {
      const response = await openResponse(
        { url, method: "GET", headers: { accept: "image/*", ...options.headers } },
        { dispatcher: config.dispatcher, timeout: config.timeout, signal: options.signal },
      );
      await ensureOk(response);
      response.attempt.clear();
      try {
        assertImageContentType(response.headers["content-type"], url);
      } catch (error) {
        // Drain what was sent so the socket goes back to the pool.
        await response.body.dump();
        throw error;
      }
      return response;
    },
    {
      maxRetries: config.maxRetries,
      signal: options.signal,
      log,
      label: `GET ${urlWithoutQuery(url)}`,
      statusOf: (response) => response.status,
    },
  );
}
