import type { ImageObject } from "@ideokit/core";
import type { ResolvedClientOptions } from "./client-options.ts";
import type { DebugLog } from "./debug-log.ts";
import { type DownloadOptions, withImage } from "./open-image.ts";
import type { OpenResponse } from "./open-response.ts";

/**
 * Opens an image (an ImageObject from a response, or its URL) as a web stream of its bytes.
 * Resolves once the first bytes are in, so a connection that drops before any byte is retried;
 * after that the bytes belong to the caller, and a drop errors the stream with APIConnectionError.
 */
export async function downloadImage(
  config: ResolvedClientOptions,
  log: DebugLog,
  imageOrUrl: ImageObject | string,
  options: DownloadOptions = {},
): Promise<ReadableStream<Uint8Array>> {
  const { response, chunks, first } = await withImage(config, log, imageOrUrl, options, async (response) => {
    const chunks: AsyncIterator<Uint8Array> = response.body[Symbol.asyncIterator]();
    return { response, chunks, first: await nextChunk(response, chunks) };
  });
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (first.done) controller.close();
        else controller.enqueue(first.value);
      },
      async pull(controller) {
        try {
          const next = await nextChunk(response, chunks);
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        } catch (error) {
          controller.error(error);
        }
      },
      // Frees the socket whether or not reading ever started.
      cancel() {
        response.body.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}

/** Reads the next chunk, with failures mapped to core's errors (abort, timeout or connection). */
async function nextChunk(
  response: OpenResponse,
  chunks: AsyncIterator<Uint8Array>,
): Promise<IteratorResult<Uint8Array>> {
  try {
    return await chunks.next();
  } catch (error) {
    throw response.readError(error);
  }
}
