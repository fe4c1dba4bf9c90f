import { verify } from "hono/jwt";
import type { JwtConfig } from "../env.ts";

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

/** An `aud` claim (a string or a list of them) that names `audience`. */
function names(aud: unknown, audience: string): boolean {
  return aud === audience || (Array.isArray(aud) && aud.includes(audience));
}

/**
 * The `sub` of an HS256 JWT signed with the configured secret whose `exp` (required) is after
 * `nowMs` and at most `maxTtlSeconds` after it, whose `nbf`/`iat`, if any, are not ahead of it by
 * more than {@link CLOCK_SKEW_SECONDS}, and whose `aud`/`iss` match when the worker names them;
 * undefined for any other token. The time claims are checked here so the injected clock decides them all.
 */
export async function verifyClientJwt(
  token: string,
  jwt: JwtConfig & { secret: string },
  nowMs: number,
): Promise<string | undefined> {
  try {
    const payload = await verify(token, jwt.secret, { alg: "HS256", exp: false, nbf: false, iat: false });
    const { sub, exp, nbf, iat, aud, iss } = payload;
    const now = nowMs / 1000;
    if (typeof exp !== "number" || exp <= now || exp - now > jwt.maxTtlSeconds) return undefined;
    const latest = now + CLOCK_SKEW_SECONDS;
    if (!notAfter(nbf, latest) || !notAfter(iat, latest)) return undefined;
    if (jwt.audience !== undefined && !names(aud, jwt.audience)) return undefined;
    if (jwt.issuer !== undefined && iss !== jwt.issuer) return undefined;
    return typeof sub === "string" && sub !== "" ? sub : undefined;
  } catch {
    return undefined;
  }
}
