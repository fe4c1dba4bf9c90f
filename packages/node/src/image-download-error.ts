import { IdeogramError } from "@ideokit/core";

/** Why an image could not be downloaded before any byte was saved. */
export type ImageDownloadFailure = "expired" | "no-url" | "content-type";

/** An image that cannot be fetched: its signed URL expired, it has no URL, or the server sent something other than an image. */
export class ImageDownloadError extends IdeogramError {
  override readonly name = "ImageDownloadError";
  /** The machine-readable reason. */
  readonly reason: ImageDownloadFailure;
  /** The image URL without its signature query, when there was one. */
  readonly url: string | undefined;

  constructor(reason: ImageDownloadFailure, message: string, url?: string) {
    super(message);
    this.reason = reason;
    this.url = url === undefined ? undefined : withoutQuery(url);
  }
}

/** Drops `?exp=&sig=` so messages stay short and carry no signature. */
export function withoutQuery(url: string): string {
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}
