/** The outcome of checking a request's API key. */
export type AuthResult = { ok: true; apiKey: string } | { ok: false; reason: "missing" | "invalid" };

/**
 * Checks the keys a request presents (`Authorization: Bearer KEY` and/or `Api-Key: KEY`, the two
 * schemes the service accepts) against the accepted keys.
 */
export function authenticate(headers: Headers, acceptedKeys: readonly string[]): AuthResult {
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.get("authorization") ?? "")?.[1]?.trim();
  const presented = [bearer, headers.get("api-key")?.trim()].filter((key): key is string => !!key);
  if (presented.length === 0) return { ok: false, reason: "missing" };
  const apiKey = presented.find((key) => acceptedKeys.includes(key));
  return apiKey === undefined ? { ok: false, reason: "invalid" } : { ok: true, apiKey };
}
