import type { ImageObject } from "@ideokit/core";
import type { ResolvedClientOptions } from "./client-options.ts";
import type { DebugLog } from "./debug-log.ts";
import { type DownloadOptions, openImage } from "./open-image.ts";
import type { OpenResponse } from "./open-response.ts";

/** Opens an image (an ImageObject from a response, or its URL) as a web stream of its bytes. */
export async function downloadImage(
  config: ResolvedClientOptions,
  log: DebugLog,
  imageOrUrl: ImageObject | string,
  options: DownloadOptions = {},
): Promise<ReadableStream<Uint8Array>> {
  const response = await openImage(config, log, imageOrUrl, options);
  return ReadableStream.from(chunksOf(response));
}

/** Re-throws mid-stream failures as core's errors; cancelling the web stream ends the loop and frees the socket. */
async function* chunksOf(response: OpenResponse): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of response.body) yield chunk as Uint8Array;
  } catch (error) {
    throw response.readError(error);
  }
}
