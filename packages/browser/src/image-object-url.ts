import type { ImageObject } from "@ideokit/core";
import { type FetchImageOptions, fetchImage } from "./fetch-image.ts";

/** An object URL for an `<img src>`, with the call that frees the Blob it pins in memory. */
export interface ImageObjectURL {
  /** A `blob:` URL valid in this document until revoked. */
  readonly url: string;
  /** Releases the Blob; safe to call more than once. */
  revoke(): void;
}

/** Makes an object URL from a Blob, or from an image (or its URL) downloaded with `fetchImage`. */
export async function imageObjectURL(
  source: Blob | ImageObject | string,
  options?: FetchImageOptions,
): Promise<ImageObjectURL> {
  const blob = source instanceof Blob ? source : await fetchImage(source, options);
  const url = URL.createObjectURL(blob);
  return { url, revoke: () => URL.revokeObjectURL(url) };
}
