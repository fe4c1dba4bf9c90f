import {
  assertImageContentType,
  downloadableImageUrl,
  headerValue,
  type IdeogramError,
  type ImageObject,
  sendWithRetries,
} from "@ideokit/core";
import type { ResolvedClientOptions } from "./client-options.ts";
import type { UndiciResponse } from "./undici-transport.ts";

/** Options of an image download. */
export interface DownloadOptions {
  /** Aborts the download, including any wait between retries. */
  signal?: AbortSignal;
  /** Extra request headers for the image host (the API key is never sent there). */
  headers?: Record<string, string>;
}

/** Reads a still-streaming image body; `fail` maps a socket error to core's (abort, timeout, connection). */
export type ConsumeImage<T> = (
  response: UndiciResponse,
  fail: (error: unknown) => IdeogramError,
) => Promise<T>;

/**
 * GETs an image through core's retry loop and hands its still-streaming body to `consume` within
 * the attempt: when `consume` fails with a retryable error (a body cut mid-stream is an
 * APIConnectionError), the whole GET is sent again, so `consume` must leave nothing behind when it
 * throws. An image without a URL or with an expired one is refused before any request.
 */
export async function withImage<T>(
  config: ResolvedClientOptions,
  image: ImageObject | string,
  options: DownloadOptions,
  consume: ConsumeImage<T>,
): Promise<T> {
  const url = downloadableImageUrl(image);
  const { value } = await sendWithRetries(
    { method: "GET", url, headers: { accept: "image/*", ...options.headers } },
    {
      transport: config.transport,
      timeout: config.pipeline.timeout,
      maxRetries: config.pipeline.maxRetries,
      signal: options.signal,
      secrets: [],
      onAttempt: config.pipeline.onAttempt,
      nativeTimeout: true,
    },
    async (response, fail) => {
      try {
        assertImageContentType(headerValue(response.headers, "content-type"), url);
      } catch (error) {
        // Drain what was sent so the socket goes back to the pool.
        await response.body.dump();
        throw error;
      }
      try {
        return await consume(response, fail);
      } catch (error) {
        // A consumer that gave up mid-body must not keep the socket busy.
        response.body.destroy();
        throw error;
      }
    },
  );
  return value;
}
