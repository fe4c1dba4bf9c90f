import { readFresh, writeUntil } from "../cache/edge-cache.ts";
import type { Runtime } from "../context.ts";
import { readAtMost } from "../http/read-at-most.ts";
import { type ImageAnswer, MAX_IMAGE_BYTES, servableImageType } from "./image-headers.ts";

/** The Cache API cache holding proxied images. */
export const IMAGE_CACHE_NAME = "ideokit-images";

/** A stored copy of an image: its bytes and how to describe them. */
export interface StoredImage {
  body: ReadableStream;
  contentType: string;
  contentLength: string | null;
}

/** Writes one copy of an image somewhere it can be served from later. */
export type ImageCopyWriter = (copy: ReadableStream, described: ImageAnswer) => Promise<void>;

/**
 * Where proxied images are kept, keyed by the SHA-256 of their upstream URL: the data centre's
 * Cache API cache (`edge`, when the runtime has one) and the IMAGES R2 bucket (`bucket`, when bound).
 */
export interface ImageStores {
  readEdge(): Promise<StoredImage | undefined>;
  readBucket(): Promise<StoredImage | undefined>;
  /** Writers for the stores that exist, among those named. */
  writers(names: readonly ("edge" | "bucket")[]): ImageCopyWriter[];
}

/** The stores for one image; reads that fail, or hold a copy of a type the proxy does not serve, count as misses. */
export async function imageStores(options: {
  runtime: Runtime;
  bucket: R2Bucket | undefined;
  origin: string;
  id: string;
  /** When the edge copy stops being served (ms): the token's expiry. */
  edgeExpiresAt: number;
  note: (event: string) => void;
}): Promise<ImageStores> {
  const { runtime, bucket, id, note } = options;
  const edge = await runtime.openCache?.(IMAGE_CACHE_NAME).catch(() => {
    note("image_cache_open_failed");
    return undefined;
  });
  const cacheKey = `${options.origin}/__ideokit/images/${id}`;
  const objectKey = `images/${id}`;
  return {
    async readEdge() {
      const cached = edge ? await readFresh(edge, cacheKey, runtime.now()).catch(() => undefined) : undefined;
      if (!cached?.body) return undefined;
      const { headers } = cached;
      const contentType = servableImageType(headers.get("content-type"));
      if (contentType === undefined) {
        await cached.body.cancel();
        return undefined;
      }
      return { body: cached.body, contentType, contentLength: headers.get("content-length") };
    },
    async readBucket() {
      const object = bucket ? await bucket.get(objectKey).catch(() => null) : null;
      if (!object) return undefined;
      const contentType = servableImageType(object.httpMetadata?.contentType ?? null);
      if (contentType === undefined) {
        await object.body.cancel();
        return undefined;
      }
      return { body: object.body, contentType, contentLength: String(object.size) };
    },
    writers(names) {
      const writers: ImageCopyWriter[] = [];
      if (edge && names.includes("edge")) {
        writers.push((copy, { contentType, contentLength }) => {
          const headers: Record<string, string> = { "content-type": contentType };
          if (contentLength !== null) headers["content-length"] = contentLength;
          return writeUntil(edge, cacheKey, copy, headers, options.edgeExpiresAt, runtime.now());
        });
      }
      if (bucket && names.includes("bucket")) {
        writers.push((copy, described) => putInBucket(bucket, objectKey, copy, described));
      }
      return writers;
    },
  };
}

/**
 * Writes a copy to R2. R2 takes a stream only with a length known up front, so a copy of known
 * length is pumped through a FixedLengthStream (chunk by chunk: workerd cannot pipe a JS stream
 * into it); one without a length is read whole first, and given up past MAX_IMAGE_BYTES.
 */
async function putInBucket(bucket: R2Bucket, key: string, copy: ReadableStream, described: ImageAnswer) {
  const options = { httpMetadata: { contentType: described.contentType } };
  const length = Number(described.contentLength);
  if (described.contentLength === null || !Number.isSafeInteger(length) || length < 0) {
    const whole = await readAtMost(copy, MAX_IMAGE_BYTES);
    if (whole === undefined) throw new RangeError(`an image over ${MAX_IMAGE_BYTES} bytes is not kept`);
    await bucket.put(key, whole, options);
    return;
  }
  const sized = new FixedLengthStream(length);
  const pump = async () => {
    const writer = sized.writable.getWriter();
    try {
      for await (const chunk of copy) await writer.write(chunk);
      await writer.close();
    } catch (error) {
      await writer.abort(error);
      throw error;
    }
  };
  await Promise.all([pump(), bucket.put(key, sized.readable, options)]);
}
