/**
 * Which credentials the emulator accepts: `"api-key"` only `Api-Key: KEY` (like api.ideogram.ai),
 * `"bearer"` only `Authorization: Bearer KEY` (like the reseller), `"any"` either (the default).
 */
export type AuthMode = "any" | "api-key" | "bearer";

/** The outcome of checking a request's API key. */
export type AuthResult = { ok: true; apiKey: string } | { ok: false; detail: string };

const EXPECTED: Record<AuthMode, string> = {
  any: "Authorization: Bearer KEY or Api-Key: KEY",
  "api-key": "Api-Key: KEY (this emulator, like api.ideogram.ai, takes no Authorization header)",
  bearer: "Authorization: Bearer KEY (this emulator, like the reseller, takes no Api-Key header)",
};

/**
 * Checks the keys a request presents (`Authorization: Bearer KEY` and/or `Api-Key: KEY`, the two
 * schemes the service accepts) against the accepted keys, in the scheme `mode` allows.
 */
export function authenticate(headers: Headers, acceptedKeys: readonly string[], mode: AuthMode): AuthResult {
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.get("authorization") ?? "")?.[1]?.trim();
  const apiKeyHeader = headers.get("api-key")?.trim();
  const allowed = mode === "bearer" ? [bearer] : mode === "api-key" ? [apiKeyHeader] : [bearer, apiKeyHeader];
  const presented = allowed.filter((key): key is string => !!key);
  if (presented.length === 0) {
    const wrongScheme = (mode === "api-key" && bearer) || (mode === "bearer" && apiKeyHeader);
    const lead = wrongScheme ? "Wrong authentication scheme" : "No API key provided";
    return { ok: false, detail: `${lead}: send ${EXPECTED[mode]}` };
  }
  const apiKey = presented.find((key) => acceptedKeys.includes(key));
  return apiKey === undefined ? { ok: false, detail: "Invalid API key" } : { ok: true, apiKey };
}
