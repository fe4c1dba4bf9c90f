import { errorFromResponse, imageUrlExpiresAt, isImageUrlExpired } from "@ideokit/core";
import type { ResolvedClientOptions } from "./client-options.ts";
import type { DebugLog } from "./debug-log.ts";
import { ImageDownloadError, withoutQuery } from "./image-download-error.ts";
import { type OpenResponse, openResponse, readText } from "./open-response.ts";
import { parseErrorBody } from "./response-body.ts";
import { withRetries } from "./with-retries.ts";

/** Options of an image download. */
export interface DownloadOptions {
  signal?: AbortSignal;
  /** Extra request headers for the image host (the API key is never sent there). */
  headers?: Record<string, string>;
}

/** Refuses a URL whose `exp=` has passed, before any request is made. */
export function assertNotExpired(url: string): void {
  if (!isImageUrlExpired(url)) return;
  const expiredAt = imageUrlExpiresAt(url)?.toISOString() ?? "an earlier time";
  throw new ImageDownloadError(
    "expired",
    `Image URL expired at ${expiredAt}: Ideogram image links are temporary, generate the image again (${withoutQuery(url)}).`,
    url,
  );
}

/**
 * GETs an image with retries and checks it is one; resolves with the body still streaming.
 * The attempt timer is stopped once headers arrive: undici's bodyTimeout then bounds each idle gap instead.
 */
export async function openImage(
  config: ResolvedClientOptions,
  log: DebugLog,
  url: string,
  options: DownloadOptions = {},
): Promise<OpenResponse> {
  assertNotExpired(url);
  return withRetries(
    async () => {
      const response = await openResponse(
        { url, method: "GET", headers: { accept: "image/*", ...options.headers } },
        { dispatcher: config.dispatcher, timeout: config.timeout, signal: options.signal },
      );
      if (response.status < 200 || response.status >= 300) {
        const body = parseErrorBody(await readText(response));
        throw errorFromResponse({ status: response.status, headers: response.headers, body });
      }
      response.attempt.clear();
      const type = response.headers["content-type"] ?? "";
      if (!type.startsWith("image/")) {
        await response.body.dump();
        throw new ImageDownloadError(
          "content-type",
          `Expected an image from ${withoutQuery(url)} but got content-type "${type || "none"}".`,
          url,
        );
      }
      return response;
    },
    {
      maxRetries: config.maxRetries,
      signal: options.signal,
      log,
      label: `GET ${withoutQuery(url)}`,
      statusOf: (response) => response.status,
    },
  );
}
