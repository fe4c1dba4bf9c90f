import type { Bindings, Config } from "../env.ts";

/** KV's smallest edge cache TTL, in seconds. */
const MIN_KV_CACHE_TTL_SECONDS = 30;

/** The upstream key, read from the edge and cached in the isolate. */
export interface KeyStore {
  /** The cached key while its TTL runs, else a read from KV (edge-cached) falling back to IDEOGRAM_API_KEY. */
  get(env: Bindings, config: Config): Promise<string | undefined>;
  /** Forgets the cached key, so the next `get` reads it again (used after an upstream 401). */
  drop(): void;
}

interface CachedKey {
  value: string | undefined;
  expiresAt: number;
}

/** Creates a per-isolate key cache over the given clock; concurrent misses share one read. */
export function createKeyStore(now: () => number): KeyStore {
  let cached: CachedKey | undefined;
  let pending: Promise<string | undefined> | undefined;
  let generation = 0;

  const read = async (env: Bindings, config: Config): Promise<string | undefined> => {
    const { kvName, cacheTtlMs, secret } = config.key;
    if (!env.UPSTREAM_KEYS) return secret;
    const cacheTtl = Math.max(MIN_KV_CACHE_TTL_SECONDS, Math.ceil(cacheTtlMs / 1000));
    const stored = await env.UPSTREAM_KEYS.get(kvName, { cacheTtl });
    return stored?.trim() || secret;
  };

  const load = (env: Bindings, config: Config): Promise<string | undefined> => {
    const readingFor = generation;
    const loading: Promise<string | undefined> = read(env, config)
      .then((value) => {
        if (readingFor === generation) cached = { value, expiresAt: now() + config.key.cacheTtlMs };
        return value;
      })
      .finally(() => {
        if (pending === loading) pending = undefined;
      });
    return loading;
  };

  return {
    get(env, config) {
      if (cached && now() < cached.expiresAt) return Promise.resolve(cached.value);
      pending ??= load(env, config);
      return pending;
    },
    drop() {
      generation++;
      cached = undefined;
      pending = undefined;
    },
  };
}
