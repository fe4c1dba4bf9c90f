import { verify } from "hono/jwt";

const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/** True when the credential has the three base64url parts of a compact JWT. */
export function looksLikeJwt(credential: string): boolean {
  return JWT_SHAPE.test(credential);
}

/**
 * The `sub` of an HS256 JWT signed with `secret` whose `exp` (required) is after `nowMs`, or
 * undefined for any other token. Expiry is checked here so the injected clock decides it.
 */
export async function verifyClientJwt(
  token: string,
  secret: string,
  nowMs: number,
): Promise<string | undefined> {
  try {
    const payload = await verify(token, secret, { alg: "HS256", exp: false });
    const { sub, exp } = payload;
    if (typeof exp !== "number" || exp * 1000 <= nowMs) return undefined;
    return typeof sub === "string" && sub !== "" ? sub : undefined;
  } catch {
    return undefined;
  }
}
