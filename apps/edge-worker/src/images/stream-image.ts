import type { Context } from "hono";
import type { AppEnv } from "../context.ts";
import { runInBackground } from "../http/background.ts";
import { limitBytes } from "../http/limit-bytes.ts";
import { readAtMost } from "../http/read-at-most.ts";
import { type ImageAnswer, imageHeaders, MAX_IMAGE_BYTES } from "./image-headers.ts";
import type { ImageCopyWriter } from "./image-stores.ts";

/** Where the bytes of a served image go besides the client. */
export interface ImageCopies {
  /** Stores that lack the image. */
  writers: ImageCopyWriter[];
  /** Told the whole image (or undefined when it did not arrive whole), e.g. for requests waiting on this download. */
  share?: (bytes: Blob | undefined) => void;
}

/**
 * The client's 200: `body` streams straight through, while one copy is collected in the
 * background and, once whole, handed to each writer and to `share`. A writer that fails is logged.
 * Past {@link MAX_IMAGE_BYTES} the stream errors, for the client and the copy alike, so an image
 * whose length was not declared (or was declared falsely) is neither served whole nor stored.
 * One collected copy (not a stream per store) keeps memory at one image per download and hands the
 * stores a body of known length.
 */
export function streamImage(
  c: Context<AppEnv>,
  body: ReadableStream,
  described: ImageAnswer,
  status: "HIT" | "MISS",
  copies: ImageCopies,
  note: (event: string) => void,
): Response {
  const limit = limitBytes(MAX_IMAGE_BYTES);
  // The readers see the failure; the pipe's own rejection says the same again.
  body.pipeTo(limit.writable).catch(() => {});
  let client: ReadableStream<Uint8Array> = limit.readable;
  if (copies.writers.length > 0 || copies.share) {
    const [rest, copy] = client.tee();
    client = rest;
    runInBackground(c, keepCopy(copy, described, copies, note));
  }
  return c.newResponse(client, { status: 200, headers: imageHeaders(described, status) });
}

async function keepCopy(
  copy: ReadableStream<Uint8Array>,
  described: ImageAnswer,
  { writers, share }: ImageCopies,
  note: (event: string) => void,
): Promise<void> {
  let bytes: Blob | undefined;
  try {
    bytes = await readAtMost(copy, MAX_IMAGE_BYTES);
  } catch {
    bytes = undefined;
  }
  share?.(bytes);
  if (bytes === undefined) {
    if (writers.length > 0) note("image_store_failed");
    return;
  }
  const whole = bytes;
  await Promise.all(
    writers.map((write) =>
      write(whole, described).catch(() => {
        note("image_store_failed");
      }),
    ),
  );
}
