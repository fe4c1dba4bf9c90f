/**
 * When an entry stops being served, in ms since the epoch. The Cache API evicts by its own clock
 * (`max-age`); this header lets the worker's injected clock decide, and survives clock skew.
 */
const EXPIRES_AT = "x-ideokit-expires-at";

/** The entry under `key` while it is fresh at `now`; a stale one is deleted and reported absent. */
export async function readFresh(cache: Cache, key: string, now: number): Promise<Response | undefined> {
  const cached = await cache.match(key);
  if (cached === undefined) return undefined;
  if (Number(cached.headers.get(EXPIRES_AT)) > now) return cached;
  await cached.body?.cancel();
  await cache.delete(key);
  return undefined;
}

/** Stores `body` under `key` until `expiresAt` (ms), with `headers` kept for whoever reads it back. */
export async function writeUntil(
  cache: Cache,
  key: string,
  body: BodyInit | null,
  headers: HeadersInit,
  expiresAt: number,
  now: number,
): Promise<void> {
  const stored = new Headers(headers);
  stored.set("cache-control", `public, max-age=${Math.max(1, Math.ceil((expiresAt - now) / 1000))}`);
  stored.set(EXPIRES_AT, String(expiresAt));
  await cache.put(key, new Response(body, { headers: stored }));
}
