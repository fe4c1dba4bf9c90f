import { encodeImageId, type ImageSpec } from "./image-id.ts";
import { paintRows } from "./picture.ts";
import { encodeFlatRowsPng } from "./png/encode-png.ts";

/** Renders PNGs for image specs and keeps the most recently used ones. */
export interface ImageStore {
  png(spec: ImageSpec): Uint8Array;
}

/** A store that keeps at most `capacity` encoded PNGs (least recently used evicted first). */
export function createImageStore(capacity: number): ImageStore {
  const cache = new Map<string, Uint8Array>();
  return {
    png(spec) {
      const id = encodeImageId(spec);
      const png = cache.get(id) ?? encodeFlatRowsPng(spec.width, paintRows(spec), spec.transparent ? 4 : 3);
      cache.delete(id);
      cache.set(id, png);
      if (cache.size > capacity) cache.delete(cache.keys().next().value!);
      return png;
    },
  };
}
