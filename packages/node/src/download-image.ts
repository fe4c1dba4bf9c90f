// Node's own class (the same object as the global), so the declared type is the one node:stream
// accepts (`Readable.fromWeb`) even when a project also loads the DOM lib, whose ReadableStream differs.
import { ReadableStream } from "node:stream/web";
import type { IdeogramError, ImageObject } from "@ideokit/core";
import type { ResolvedClientOptions } from "./client-options.ts";
import { type DownloadOptions, withImage } from "./open-image.ts";

/**
 * Opens an image (an ImageObject from a response, or its URL) as a web stream of its bytes.
 * Resolves once the first bytes are in, so a connection that drops before any byte is retried;
 * after that the bytes belong to the caller, and a drop errors the stream with APIConnectionError.
 * The caller's signal still aborts the stream after it resolved (undici holds it for the whole body).
 */
export async function downloadImage(
  config: ResolvedClientOptions,
  imageOrUrl: ImageObject | string,
  options: DownloadOptions = {},
): Promise<ReadableStream<Uint8Array>> {
  const { response, chunks, first, fail } = await withImage(
    config,
    imageOrUrl,
    options,
    async (response, fail) => {
      const chunks: AsyncIterator<Uint8Array> = response.body[Symbol.asyncIterator]();
      return { response, chunks, fail, first: await nextChunk(chunks, fail) };
    },
  );
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (first.done) controller.close();
        else controller.enqueue(first.value);
      },
      async pull(controller) {
        try {
          const next = await nextChunk(chunks, fail);
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
  chunks: AsyncIterator<Uint8Array>,
  fail: (error: unknown) => IdeogramError,
): Promise<IteratorResult<Uint8Array>> {
  try {
    return await chunks.next();
  } catch (error) {
    throw fail(error);
  }
}
