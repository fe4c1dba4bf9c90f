import { readFresh, writeUntil } from "../cache/edge-cache.ts";
import type { Runtime } from "../context.ts";
import { type ImageAnswer, servableImageType } from "./image-headers.ts";

/** The Cache API cache holding proxied images. */
export const IMAGE_CACHE_NAME = "ideokit-images";

/** A stored copy of an image: its bytes and how to describe them. */
export interface StoredImage {
  body: ReadableStream;
  contentType: string;
  contentLength: string | null;
}

/** Writes one copy of an image (whole, at most MAX_IMAGE_BYTES) somewhere it can be served from later. */
export type ImageCopyWriter = (copy: Blob, described: ImageAnswer) => Promise<void>;

/**
 * Where proxied images are kept, keyed by the SHA-256 of their upstream URL: the data centre's
 * Cache API cache (`edge`, when the runtime has one) and the IMAGES R2 bucket (`bucket`, when bound).
 */
export interface ImageStores {
  readEdge(): Promise<StoredImage | undefined>;
  readBucket(): Promise<StoredImage | undefined>;
  /** The bucket copy's type and length, without its bytes (for HEAD). */
  describeBucket(): Promise<Omit<StoredImage, "body"> | undefined>;
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
    async describeBucket() {
      const object = bucket ? await bucket.head(objectKey).catch(() => null) : null;
      const contentType = servableImageType(object?.httpMetadata?.contentType ?? null);
      if (!object || contentType === undefined) return undefined;
      return { contentType, contentLength: String(object.size) };
    },
    writers(names) {
      const writers: ImageCopyWriter[] = [];
      if (edge && names.includes("edge")) {
        writers.push((copy, { contentType }) => {
          const headers = { "content-type": contentType, "content-length": String(copy.size) };
          return writeUntil(edge, cacheKey, copy, headers, options.edgeExpiresAt, runtime.now());
        });
      }
      if (bucket && names.includes("bucket")) {
        writers.push(async (copy, { contentType }) => {
          await bucket.put(objectKey, copy, { httpMetadata: { contentType } });
        });
      }
      return writers;
    },
  };
}
