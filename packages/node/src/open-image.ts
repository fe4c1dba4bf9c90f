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
  /** Aborts the download, including any wait between retries. */
  signal?: AbortSignal;
  /** Extra request headers for the image host (the API key is never sent there). */
  headers?: Record<string, string>;
}

/**
 * GETs an image and hands its still-streaming body to `consume`, retrying the two as one attempt:
 * when `consume` fails with a retryable error (a body cut mid-stream is an APIConnectionError),
 * the whole GET is sent again, so `consume` must leave nothing behind when it throws.
 * An image without a URL or with an expired one is refused before any request.
 */
export async function withImage<T>(
  config: ResolvedClientOptions,
  log: DebugLog,
  image: ImageObject | string,
  options: DownloadOptions,
  consume: (response: OpenResponse) => Promise<T>,
): Promise<T> {
  const url = downloadableImageUrl(image);
  const { value } = await withRetries(
    async () => {
      const response = await openImage(config, url, options);
      try {
        return { status: response.status, value: await consume(response) };
      } catch (error) {
        // A consumer that gave up mid-body must not keep the socket busy.
        response.body.destroy();
        throw error;
      }
    },
    {
      maxRetries: config.maxRetries,
      signal: options.signal,
      log,
      label: `GET ${urlWithoutQuery(url)}`,
      statusOf: (result) => result.status,
    },
  );
  return value;
}

/**
 * One GET of an image, checked to be one; resolves with the body still streaming.
 * The attempt timer is stopped once headers arrive: undici's bodyTimeout then bounds each idle gap instead.
 */
async function openImage(
  config: ResolvedClientOptions,
  url: string,
  options: DownloadOptions,
): Promise<OpenResponse> {
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
}
