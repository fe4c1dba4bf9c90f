import { imageUrlExpiresAt, type TableOperation } from "@ideokit/core";
import type { Context } from "hono";
import type { AppEnv, Runtime } from "../context.ts";
import { JSON_TYPE } from "../http/media-types.ts";
import { hasContent, imageUrlsOf } from "../images/answer-urls.ts";
import { cacheDirectives } from "./cache-directives.ts";
import { readFresh, writeUntil } from "./edge-cache.ts";
import { operationCacheKey } from "./operation-cache-key.ts";

/** The response header that says where an answer came from. */
export const CACHE_STATUS_HEADER = "x-ideokit-cache";

/** HIT: served from the cache (or from an identical request's upstream call); MISS: looked up, not found, fetched; BYPASS: the cache was not consulted. */
export type CacheStatus = "HIT" | "MISS" | "BYPASS";

/** The Cache API cache holding seeded answers. */
export const GENERATE_CACHE_NAME = "ideokit-generate";

/** An entry is dropped this long before the first image URL it holds expires, so a hit leaves time to download. */
export const URL_EXPIRY_MARGIN_MS = 60 * 60 * 1000;

/** An answer as the cache keeps it: the body text (secrets redacted) and what core parsed of it. */
export interface CachedAnswer {
  text: string;
  output: unknown;
}

/** The cache as it applies to one request. */
export interface GenerateCache {
  /** What the answer reports when it does not come from the cache. */
  status: Exclude<CacheStatus, "HIT">;
  /** The request's cache key when it may be cached: identical requests in flight share one upstream call under it. */
  key: string | undefined;
  /** The fresh cached answer, if the request may be served from the cache and one exists. */
  lookup(): Promise<CachedAnswer | undefined>;
  /** Keeps a 200 answer with content (an image URL, or text), unless the request may not be stored or its image URLs expire too soon. */
  store(answer: CachedAnswer): Promise<void>;
}

const BYPASS: GenerateCache = {
  status: "BYPASS",
  key: undefined,
  lookup: async () => undefined,
  store: async () => {},
};

/**
 * How the cache treats this request. Only a request with a `seed` is deterministic, so only those
 * are cached, whatever the operation; `Cache-Control: no-store` bypasses the cache, `no-cache`
 * skips the lookup but stores the fresh answer (a refresh). The key covers the operation, its
 * fields, the uploaded files' bytes and the upstream, and the client unless CACHE_SCOPE is `shared`.
 */
export async function generateCacheFor(
  c: Context<AppEnv>,
  operation: TableOperation,
  input: Record<string, unknown>,
  runtime: Runtime,
): Promise<GenerateCache> {
  const { cache, upstream } = c.get("config");
  const directives = cacheDirectives(c.req.header("cache-control"));
  const { openCache } = runtime;
  if (
    input.seed === undefined ||
    cache.ttlSeconds === 0 ||
    openCache === undefined ||
    directives.has("no-store")
  ) {
    return BYPASS;
  }
  const client = cache.scope === "client" ? c.get("clientId") : undefined;
  const hash = await operationCacheKey(operation, input, upstream, client);
  const key = `${new URL(c.req.url).origin}/__ideokit/generate/${hash}`;
  const refresh = directives.has("no-cache");
  return {
    status: refresh ? "BYPASS" : "MISS",
    key: refresh ? undefined : key,
    async lookup() {
      if (refresh) return undefined;
      try {
        const cached = await readFresh(await openCache(GENERATE_CACHE_NAME), key, runtime.now());
        if (cached === undefined) return undefined;
        const text = await cached.text();
        const parsed = operation.safeParse(JSON.parse(text));
        return parsed.success ? { text, output: parsed.data } : undefined;
      } catch {
        c.var.log("generate_cache_read_failed");
        return undefined;
      }
    },
    async store({ text, output }) {
      // An answer without an image (`data: []`, or every image withheld) is no answer to keep.
      if (!hasContent(operation.response, output)) return;
      const now = runtime.now();
      const expiresAt = Math.min(
        now + cache.ttlSeconds * 1000,
        earliestUrlExpiry(imageUrlsOf(operation.response, output)) - URL_EXPIRY_MARGIN_MS,
      );
      if (expiresAt <= now) return;
      try {
        const headers = { "content-type": JSON_TYPE };
        await writeUntil(await openCache(GENERATE_CACHE_NAME), key, text, headers, expiresAt, now);
      } catch {
        c.var.log("generate_cache_write_failed");
      }
    },
  };
}

/** The earliest `exp=` among image URLs, in ms (Infinity when none has one). */
function earliestUrlExpiry(urls: readonly string[]): number {
  let earliest = Number.POSITIVE_INFINITY;
  for (const url of urls) {
    const expiresAt = imageUrlExpiresAt(url);
    if (expiresAt !== undefined) earliest = Math.min(earliest, expiresAt.getTime());
  }
  return earliest;
}
