import { ConnectionResetError } from "./connection-reset.ts";

// Bodies are marked rather than responses: Hono copies a response into a new one when it is
// reassigned, but keeps its body stream.
const cutShortBodies = new WeakSet<ReadableStream<Uint8Array>>();

/**
 * A response body that delivers `bytes` and then fails as a dropped connection would: readers of an
 * in-process response get ConnectionResetError, and `startEmulator` closes the socket.
 */
export function cutShortBody(bytes: Uint8Array): ReadableStream<Uint8Array> {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
    },
    pull(controller) {
      controller.error(new ConnectionResetError("emulated connection drop in the middle of the body"));
    },
  });
  cutShortBodies.add(body);
  return body;
}

/** Whether a body was made by {@link cutShortBody}, so a server must drop the connection after it. */
export function isCutShort(body: ReadableStream<Uint8Array> | null): body is ReadableStream<Uint8Array> {
  return body !== null && cutShortBodies.has(body);
}

/** The bytes a cut-short body delivers before it fails. */
export async function bytesBeforeDrop(body: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return chunks;
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ConnectionResetError) return chunks;
    throw error;
  }
}
