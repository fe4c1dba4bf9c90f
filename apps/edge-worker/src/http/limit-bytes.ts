/** Thrown into a stream that carried more than its limit. */
export class TooManyBytesError extends RangeError {
  override name = "TooManyBytesError";
}

/**
 * A pass-through that counts the bytes and errors the stream once they pass `limit`, so a body of
 * unknown or untrue length is cut off there, and every reader of it (the client, each copy being
 * stored) sees it fail rather than end.
 */
export function limitBytes(limit: number): TransformStream<Uint8Array, Uint8Array> {
  let seen = 0;
  return new TransformStream({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > limit) throw new TooManyBytesError(`more than ${limit} bytes`);
      controller.enqueue(chunk);
    },
  });
}
