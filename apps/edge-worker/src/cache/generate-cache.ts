import {
  type GenerateRequest,
  type GenerateResponse,
  imageUrlExpiresAt,
  parseGenerateResponseText,
} from "@ideokit/core";
import type { Context } from "hono";
import type { AppEnv, Runtime } from "../context.ts";
import { JSON_TYPE } from "../http/media-types.ts";
import { cacheDirectives } from "./cache-directives.ts";
import { readFresh, writeUntil } from "./edge-cache.ts";
import { generateCacheKey } from "./generate-cache-key.ts";

/** The response header that says where an answer came from. */
export const CACHE_STATUS_HEADER = "x-ideokit-cache";

/** HIT: served from the cache; MISS: looked up, not found, fetched; BYPASS: the cache was not consulted. */
export type CacheStatus = "HIT" | "MISS" | "BYPASS";

/** The Cache API cache holding seeded generate answers. */
export const GENERATE_CACHE_NAME = "ideokit-generate";

/** An entry is dropped this long before the first image URL it holds expires, so a hit leaves time to download. */
export const URL_EXPIRY_MARGIN_MS = 60 * 60 * 1000;

/** A generate answer read back from the cache, parsed again by core. */
export interface CachedAnswer {
  text: string;
  response: GenerateResponse;
}

/** The cache as it applies to one generate request. */
export interface GenerateCache {
  /** What the answer reports when it does not come from the cache. */
  status: Exclude<CacheStatus, "HIT">;
  /** The fresh cached answer, if the request may be served from the cache and one exists. */
  lookup(): Promise<CachedAnswer | undefined>;
  /** Keeps a 200 answer with at least one image URL, unless the request may not be stored or its image URLs expire too soon. */
  store(answer: CachedAnswer): Promise<void>;
}

const BYPASS: GenerateCache = {
  status: "BYPASS",
  lookup: async () => undefined,
  store: async () => {},
};

/**
 * How the cache treats this request. Only a request with a `seed` is deterministic, so only those
 * are cached; `Cache-Control: no-store` bypasses the cache, `no-cache` skips the lookup but stores
 * the fresh answer (a refresh). The key comes from the request and the upstream, and from the
 * client unless CACHE_SCOPE is `shared`.
 */
export async function generateCacheFor(
  c: Context<AppEnv>,
  request: GenerateRequest,
  runtime: Runtime,
): Promise<GenerateCache> {
  const { cache, upstream } = c.get("config");
  const directives = cacheDirectives(c.req.header("cache-control"));
  const { openCache } = runtime;
  if (
    request.image_request.seed === undefined ||
    cache.ttlSeconds === 0 ||
    openCache === undefined ||
    directives.has("no-store")
  ) {
    return BYPASS;
  }
  const client = cache.scope === "client" ? c.get("clientId") : undefined;
  const hash = await generateCacheKey(request.image_request, upstream, client);
  const key = `${new URL(c.req.url).origin}/__ideokit/generate/${hash}`;
  const refresh = directives.has("no-cache");
  const note = (event: string) => runtime.log({ request_id: c.get("requestId"), event });
  return {
    status: refresh ? "BYPASS" : "MISS",
    async lookup() {
      if (refresh) return undefined;
      try {
        const cached = await readFresh(await openCache(GENERATE_CACHE_NAME), key, runtime.now());
        if (cached === undefined) return undefined;
        const text = await cached.text();
        return { text, response: parseGenerateResponseText(text) };
      } catch {
        note("generate_cache_read_failed");
        return undefined;
      }
    },
    async store({ text, response }) {
      // An answer without an image (`data: []`, or every image withheld) is no answer to keep.
      if (!response.data.some((image) => image.url)) return;
      const now = runtime.now();
      const expiresAt = Math.min(
        now + cache.ttlSeconds * 1000,
        earliestUrlExpiry(response) - URL_EXPIRY_MARGIN_MS,
      );
      if (expiresAt <= now) return;
      try {
        const headers = { "content-type": JSON_TYPE };
        await writeUntil(await openCache(GENERATE_CACHE_NAME), key, text, headers, expiresAt, now);
      } catch {
        note("generate_cache_write_failed");
      }
    },
  };
}

/** The earliest `exp=` among the answer's image URLs, in ms (Infinity when none has one). */
function earliestUrlExpiry(response: GenerateResponse): number {
  let earliest = Number.POSITIVE_INFINITY;
  for (const { url } of response.data) {
    const expiresAt = url ? imageUrlExpiresAt(url) : undefined;
    if (expiresAt !== undefined) earliest = Math.min(earliest, expiresAt.getTime());
  }
  return earliest;
}
