/**
 * A `multipart/form-data` request body parsed as it streams in, or undefined once its bytes pass
 * `limit` (counted, never taken from a header), or `"malformed"` when it does not parse. The
 * parser reads the stream directly, so its parts are the only copy of the upload held. When
 * `signal` aborts first (a body that trickles in), the stream is cancelled and its reason thrown.
 */
export async function readForm(
  request: Request,
  limit: number,
  signal: AbortSignal,
): Promise<FormData | undefined | "malformed"> {
  let seen = 0;
  let exceeded = false;
  const counted = request.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limit) {
          exceeded = true;
          controller.error(new RangeError(`more than ${limit} bytes`));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
    { signal },
  );
  const headers = { "content-type": request.headers.get("content-type") ?? "" };
  const parsing = new Response(counted ?? null, { headers }).formData();
  let stop = () => {};
  const aborted = new Promise<never>((_, reject) => {
    stop = () => reject(signal.reason);
    signal.addEventListener("abort", stop, { once: true });
  });
  try {
    return await Promise.race([parsing, aborted]);
  } catch (error) {
    if (exceeded) return undefined;
    if (signal.aborted) throw signal.reason;
    if (error instanceof TypeError || error instanceof RangeError) return "malformed";
    throw error;
  } finally {
    signal.removeEventListener("abort", stop);
    parsing.catch(() => {});
    aborted.catch(() => {});
  }
}
