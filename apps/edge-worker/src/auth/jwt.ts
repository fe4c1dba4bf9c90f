import { verify } from "hono/jwt";

const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/**
 * How far `nbf` and `iat` may lie ahead of the worker's clock: an issuer whose clock runs a little
 * fast must not see its fresh tokens refused. `exp` gets no such grace.
 */
const CLOCK_SKEW_SECONDS = 60;

/** True when the credential has the three base64url parts of a compact JWT. */
export function looksLikeJwt(credential: string): boolean {
  return JWT_SHAPE.test(credential);
}

/** An optional time claim that, when present, is a number no later than `latest`. */
function notAfter(claim: unknown, latest: number): boolean {
  return claim === undefined || (typeof claim === "number" && claim <= latest);
}

/**
 * The `sub` of an HS256 JWT signed with `secret` whose `exp` (required) is after `nowMs` and whose
 * `nbf`/`iat`, if any, are not ahead of it by more than {@link CLOCK_SKEW_SECONDS}; undefined for
 * any other token. The time claims are checked here so the injected clock decides them all.
 */
export async function verifyClientJwt(
  token: string,
  secret: string,
  nowMs: number,
): Promise<string | undefined> {
  try {
    const payload = await verify(token, secret, { alg: "HS256", exp: false, nbf: false, iat: false });
    const { sub, exp, nbf, iat } = payload;
    if (typeof exp !== "number" || exp * 1000 <= nowMs) return undefined;
    const latest = nowMs / 1000 + CLOCK_SKEW_SECONDS;
    if (!notAfter(nbf, latest) || !notAfter(iat, latest)) return undefined;
    return typeof sub === "string" && sub !== "" ? sub : undefined;
  } catch {
    return undefined;
  }
}
