import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { link, mkdir, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import { downloadableImageUrl, headerValue, type IdeogramError, type ImageObject } from "@ideokit/core";
import type { ResolvedClientOptions } from "./client-options.ts";
import { forEachLimited } from "./for-each-limited.ts";
import { candidateName, extensionFor, imageFileStem } from "./image-file-name.ts";
import { type DownloadOptions, withImage } from "./open-image.ts";
import { type FailedImage, SaveImagesError } from "./save-images-error.ts";
import type { UndiciResponse } from "./undici-transport.ts";

/**
 * Any answer with images: `{ data: [image…] }` (generate, edit, …, the layered answers of
 * generate-design, graphic and layerize-design) or layerize-text's `{ base_image_url, seed }`.
 */
export type ImageAnswer =
  | { readonly data: readonly ImageObject[] }
  | { readonly base_image_url: string; readonly seed?: number };

/** The images of an answer, in order; layerize-text's base image counts as one. */
function imagesOf(answer: ImageAnswer): readonly ImageObject[] {
  if ("data" in answer) return answer.data;
  const image: ImageObject = { url: answer.base_image_url, is_image_safe: true };
  if (answer.seed !== undefined) image.seed = answer.seed;
  return [image];
}

/** Options of `saveImages`. */
export interface SaveImagesOptions extends DownloadOptions {
  /** Downloads in flight at once (default 4). */
  concurrency?: number;
  /** Called as each file lands, e.g. to print progress. */
  onSaved?: (saved: SavedImage) => void;
}

/** One image written to disk. */
export interface SavedImage {
  /** Position of the image in `response.data`. */
  index: number;
  /** Absolute path of the file. */
  path: string;
}

/** One image that was not saved, and why. */
export interface SkippedImage {
  index: number;
  reason: "unsafe" | "no-url";
}

/** What `saveImages` did: saved files in response order, and the images it skipped. */
export interface SaveImagesResult {
  paths: string[];
  saved: SavedImage[];
  skipped: SkippedImage[];
}

const DEFAULT_CONCURRENCY = 4;

/**
 * Streams every image of a response into `dir` under unique, stable names; never overwrites and
 * never leaves a partial file. A download whose body breaks mid-stream is re-sent whole while
 * retries remain. When one still fails, no new download starts, those running finish, and
 * {@link SaveImagesError} names the failed image and carries every file saved.
 */
export async function saveImages(
  config: ResolvedClientOptions,
  response: ImageAnswer,
  dir: string,
  options: SaveImagesOptions = {},
): Promise<SaveImagesResult> {
  const directory = resolve(dir);
  const skipped: SkippedImage[] = [];
  const pending: { image: ImageObject & { url: string }; index: number }[] = [];
  imagesOf(response).forEach((image, index) => {
    if (image.url) pending.push({ image: { ...image, url: image.url }, index });
    else skipped.push({ index, reason: image.is_image_safe === false ? "unsafe" : "no-url" });
  });
  // Every URL is checked before the first download, so an expired response fails whole.
  for (const { image } of pending) downloadableImageUrl(image);
  await mkdir(directory, { recursive: true });

  const saved: SavedImage[] = [];
  const failed: FailedImage[] = [];
  const result = () => {
    saved.sort((a, b) => a.index - b.index);
    return { paths: saved.map((entry) => entry.path), saved, skipped };
  };
  try {
    await forEachLimited(pending, options.concurrency ?? DEFAULT_CONCURRENCY, async ({ image, index }) => {
      try {
        const path = await saveOne(config, image, index, directory, options);
        const entry = { index, path };
        saved.push(entry);
        options.onSaved?.(entry);
      } catch (error) {
        failed.push({ index, url: image.url, error });
        throw error;
      }
    });
  } catch {
    failed.sort((a, b) => a.index - b.index);
    throw new SaveImagesError(failed, result());
  }
  return result();
}

async function saveOne(
  config: ResolvedClientOptions,
  image: ImageObject & { url: string },
  index: number,
  directory: string,
  options: DownloadOptions,
): Promise<string> {
  const { temporary, contentType } = await withImage(config, image, options, async (response, fail) => ({
    temporary: await writeTemporary(response, directory, fail),
    contentType: headerValue(response.headers, "content-type") ?? "",
  }));
  try {
    return await linkUnique(temporary, directory, imageFileStem(image, index), extensionFor(contentType));
  } finally {
    await rm(temporary, { force: true });
  }
}

/**
 * Streams one attempt's body into a fresh hidden file in `directory`. On failure the file is
 * removed before the error propagates, so a retry starts from an empty file and nothing partial stays.
 */
async function writeTemporary(
  response: UndiciResponse,
  directory: string,
  fail: (error: unknown) => IdeogramError,
): Promise<string> {
  const temporary = join(directory, `.ideokit-${randomUUID()}.part`);
  try {
    await pipeline(response.body, createWriteStream(temporary, { flags: "wx" }));
    return temporary;
  } catch (error) {
    await rm(temporary, { force: true });
    // A full disk is not a network failure: only the latter becomes an error core may retry.
    throw isFileSystemError(error) ? error : fail(error);
  }
}

/** Hard-links the finished file under the first free name: link() fails instead of replacing, so nothing is ever overwritten. */
async function linkUnique(
  temporary: string,
  directory: string,
  stem: string,
  extension: string,
): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const path = join(directory, candidateName(stem, extension, attempt));
    try {
      await link(temporary, path);
      return path;
    } catch (error) {
      if (!(isFileSystemError(error) && error.code === "EEXIST")) throw error;
    }
  }
}

/** fs errors carry the path they failed on; socket errors never do. */
function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && "path" in error && "syscall" in error;
}
