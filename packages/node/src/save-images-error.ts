import { IdeogramError, urlWithoutQuery } from "@ideokit/core";
import type { SaveImagesResult } from "./save-images.ts";

/** One image `saveImages` could not save: its position, its URL without the signature, and why. */
export interface FailedImage {
  index: number;
  url: string;
  error: unknown;
}

function reason(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.replace(/\.$/, "");
}

/**
 * `saveImages` could not save every image. Names the first image that failed (index and URL
 * without its query) and carries what was saved all the same, so no file goes unreported; `cause`
 * is that image's error (`APIConnectionError`, `APIUserAbortError`, a file system error, ...).
 * No partial file stays on disk.
 */
export class SaveImagesError extends IdeogramError {
  override name = "SaveImagesError";
  /** Every image that failed, in response order, URLs without their query. */
  readonly failed: readonly FailedImage[];
  /** Absolute paths of the files saved before and while the failure happened, in response order. */
  readonly paths: readonly string[];
  /** What was saved and skipped, as `saveImages` would have returned it. */
  readonly result: SaveImagesResult;

  constructor(failed: readonly FailedImage[], result: SaveImagesResult) {
    const first = failed[0];
    const shown = failed.map((image) => ({ ...image, url: urlWithoutQuery(image.url) }));
    const savedText =
      result.paths.length === 0 ? "No image was saved." : `Saved all the same: ${result.paths.join(", ")}.`;
    super(
      `Image ${first?.index} was not saved (${shown[0]?.url}): ${reason(first?.error)}${failed.length > 1 ? ` (and ${failed.length - 1} more)` : ""}. ${savedText}`,
      { cause: first?.error },
    );
    this.failed = shown;
    this.paths = result.paths;
    this.result = result;
  }
}
