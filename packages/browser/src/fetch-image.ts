import {
  DEFAULT_MAX_RETRIES,
  IdeogramError,
  type ImageObject,
  imageUrlExpiresAt,
  isImageUrlExpired,
} from "@ideokit/core";
import { absoluteURL } from "./absolute-url.ts";
import { DEFAULT_TIMEOUT_MS } from "./resolve-client-options.ts";
import { send } from "./send.ts";

/** Options of `fetchImage` and `imageObjectURL`. */
export interface FetchImageOptions {
  /** Aborts the download, including any wait between retries. */
  signal?: AbortSignal;
  /** Per-attempt timeout in milliseconds (default 120 000). */
  timeout?: number;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
}

/** Downloads a generated image as a Blob; refuses URLs that have already expired instead of fetching a 403. */
export async function fetchImage(
  image: ImageObject | string,
  options: FetchImageOptions = {},
): Promise<Blob> {
  const url = typeof image === "string" ? image : image.url;
  if (!url)
    throw new IdeogramError("This image has no URL: the service leaves it out of images it flags as unsafe.");
  const absolute = absoluteURL(url);
  if (isImageUrlExpired(absolute)) {
    const expiredAt = imageUrlExpiresAt(absolute)?.toISOString();
    throw new IdeogramError(`This image URL expired at ${expiredAt}: generate again for a fresh link.`);
  }
  return send(
    {
      url: absolute,
      method: "GET",
      signal: options.signal,
      timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
      maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
      secrets: [],
    },
    (response) => response.blob(),
  );
}
