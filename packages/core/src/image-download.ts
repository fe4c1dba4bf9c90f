import { IdeogramError } from "./errors.ts";
import { imageUrlExpiresAt, isImageUrlExpired } from "./image-url.ts";
import type { ImageObject } from "./response-schema.ts";

/** Why an image could not be downloaded: its URL expired, it has none, or the answer was not an image. */
export type ImageDownloadFailure = "expired" | "no-url" | "content-type";

/** An image that cannot be downloaded; `reason` says why, `url` is its address without the signature. */
export class ImageDownloadError extends IdeogramError {
  override readonly name = "ImageDownloadError";
  /** The machine-readable reason. */
  readonly reason: ImageDownloadFailure;
  /** The image URL without its query (`exp`, `sig`), when there was one. */
  readonly url: string | undefined;

  constructor(reason: ImageDownloadFailure, message: string, url?: string) {
    super(message);
    this.reason = reason;
    this.url = url === undefined ? undefined : urlWithoutQuery(url);
  }
}

/** A URL without its `?query`, so messages and logs stay short and never carry a signature. */
export function urlWithoutQuery(url: string): string {
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

/**
 * The URL to download for an image (an `ImageObject` or its URL), checked before any request:
 * throws {@link ImageDownloadError} `no-url` for an image without one (unsafe images have none)
 * and `expired` once its `exp=` has passed at `now` (default: the current time).
 */
export function downloadableImageUrl(image: ImageObject | string, now?: Date | number): string {
  const url = typeof image === "string" ? image : image.url;
  if (!url) {
    throw new ImageDownloadError(
      "no-url",
      "This image has no URL (the service withholds images it flags as unsafe).",
    );
  }
  if (isImageUrlExpired(url, now)) {
    throw new ImageDownloadError(
      "expired",
      `Image URL expired at ${imageUrlExpiresAt(url)?.toISOString()}: Ideogram image links are temporary, generate the image again (${urlWithoutQuery(url)}).`,
      url,
    );
  }
  return url;
}

/** Throws {@link ImageDownloadError} `content-type` unless the answer from `url` declares an `image/*` type. */
export function assertImageContentType(contentType: string | null | undefined, url: string): void {
  if (/^image\//i.test(contentType ?? "")) return;
  throw new ImageDownloadError(
    "content-type",
    `Expected an image from ${urlWithoutQuery(url)} but got content-type "${contentType || "none"}".`,
    url,
  );
}
