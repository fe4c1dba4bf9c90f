/**
 * A stream's bytes as a Blob, or undefined once they pass `limit` (the stream is then cancelled).
 * The bytes themselves are counted, so no declared length is taken on trust.
 */
export async function readAtMost(
  stream: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<Blob | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream ?? []) {
    size += chunk.byteLength;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return new Blob(chunks);
}
