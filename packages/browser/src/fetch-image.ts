import {
  assertImageContentType,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  downloadableImageUrl,
  type ImageObject,
} from "@ideokit/core";
import { absoluteURL } from "./absolute-url.ts";
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

/**
 * Downloads a generated image as a Blob. An image without a URL or with an expired one is refused
 * before any request (instead of fetching a 403), an answer that is not an image after it.
 */
export async function fetchImage(
  image: ImageObject | string,
  options: FetchImageOptions = {},
): Promise<Blob> {
  const url = absoluteURL(downloadableImageUrl(image));
  const response = await send({
    url,
    method: "GET",
    signal: options.signal,
    timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    secrets: [],
  });
  assertImageContentType(response.headers.get("content-type"), url);
  return response.blob();
}
