/**
 * A stream's bytes as a Blob, or undefined once they pass `limit` (the stream is then cancelled).
 * The bytes themselves are counted, so no declared length is taken on trust. When `signal` aborts
 * first, the stream is cancelled and the signal's reason thrown: a body that trickles in does not
 * hold the reader open.
 */
export async function readAtMost(
  stream: ReadableStream<Uint8Array> | null,
  limit: number,
  signal?: AbortSignal,
): Promise<Blob | undefined> {
  if (stream === null) return new Blob([]);
  const reader = stream.getReader();
  const stop = () => {
    reader.cancel(signal?.reason).catch(() => {});
  };
  signal?.addEventListener("abort", stop, { once: true });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      signal?.throwIfAborted();
      if (done) return new Blob(chunks);
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        return undefined;
      }
      chunks.push(value);
    }
  } finally {
    signal?.removeEventListener("abort", stop);
  }
}
