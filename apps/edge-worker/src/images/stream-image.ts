import type { Context } from "hono";
import type { AppEnv } from "../context.ts";
import { runInBackground } from "../http/background.ts";
import { type ImageAnswer, imageHeaders } from "./image-headers.ts";
import type { ImageCopyWriter } from "./image-stores.ts";

/**
 * The client's 200: `body` streams straight through (never buffered), while a tee hands each
 * writer its own copy in the background. A writer that fails is logged and its copy cancelled.
 */
export function streamImage(
  c: Context<AppEnv>,
  body: ReadableStream,
  described: ImageAnswer,
  status: "HIT" | "MISS",
  writers: ImageCopyWriter[],
  note: (event: string) => void,
): Response {
  let client = body;
  for (const write of writers) {
    const [rest, copy] = client.tee();
    client = rest;
    const task = write(copy, described).catch(async () => {
      note("image_store_failed");
      await copy.cancel().catch(() => {});
    });
    runInBackground(c, task);
  }
  return new Response(client, { status: 200, headers: imageHeaders(described, status) });
}
