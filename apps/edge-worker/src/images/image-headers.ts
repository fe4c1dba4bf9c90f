import { isImageContentType, parseMimeType } from "@ideokit/core";
import { CACHE_STATUS_HEADER, type CacheStatus } from "../cache/generate-cache.ts";

/**
 * The type the proxy serves an image as: the canonical essence (`image/png`) of exactly one raster
 * type (core's isImageContentType), or undefined. A list (`image/png,text/html`) or SVG is never
 * served from the worker's origin, and parameters are dropped so the browser has nothing to reinterpret.
 */
export function servableImageType(contentType: string | null): string | undefined {
  return isImageContentType(contentType) ? parseMimeType(contentType)?.essence : undefined;
}

/** The largest image the proxy serves or keeps; a generated image is a few megabytes. */
export const MAX_IMAGE_BYTES = 16 * 1024 * 1024;

/** Whether a declared Content-Length is over {@link MAX_IMAGE_BYTES} (an absent one is not). */
export function declaresOversizedImage(contentLength: string | null): boolean {
  return Number(contentLength) > MAX_IMAGE_BYTES;
}

/** How one image answer is described to the client. */
export interface ImageAnswer {
  contentType: string;
  contentLength: string | null;
  etag: string;
  maxAgeSeconds: number;
}

/** Caching and validator headers of a proxied image (also those of its 304). */
export function validatorHeaders({
  etag,
  maxAgeSeconds,
}: Pick<ImageAnswer, "etag" | "maxAgeSeconds">): Headers {
  return new Headers({ etag, "cache-control": `public, max-age=${maxAgeSeconds}, immutable` });
}

/** Every header of a proxied image's 200: type, length, caching, validator, hardening, cache status. */
export function imageHeaders(answer: ImageAnswer, status: Exclude<CacheStatus, "BYPASS">): Headers {
  const headers = validatorHeaders(answer);
  headers.set("content-type", answer.contentType);
  if (answer.contentLength !== null) headers.set("content-length", answer.contentLength);
  headers.set("x-content-type-options", "nosniff");
  headers.set("content-security-policy", "default-src 'none'; sandbox");
  headers.set(CACHE_STATUS_HEADER, status);
  return headers;
}

/** Whether an `If-None-Match` header names `etag` (weak comparison, `*` included). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const candidate = tag.trim();
    return candidate === "*" || candidate.replace(/^W\//, "") === etag;
  });
}
