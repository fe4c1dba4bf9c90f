// Mints the client JWTs the worker accepts (src/auth/jwt.ts): HS256 with JWT_SECRET, `sub` the
// client id, `exp` within JWT_MAX_TTL_SECONDS, `iat` now, and `aud`/`iss` when the worker names them.
// No Node API, so the worker's own tests (in workerd) can check that what it mints is accepted.
import { sign } from "hono/jwt";

/** The shortest JWT_SECRET the worker runs with (bytes). */
export const MIN_JWT_SECRET_BYTES = 32;

/** The worker's default JWT_MAX_TTL_SECONDS: a token may live at most a day. */
export const DEFAULT_MAX_TTL_SECONDS = 86_400;

/** What a minted client token says. */
export interface ClientTokenOptions {
  /** The client id (`sub`): rate limits and logs name the client `jwt:<sub>`. */
  sub: string;
  /** Lifetime in seconds (`exp` = now + this), at most {@link DEFAULT_MAX_TTL_SECONDS} by default. */
  ttlSeconds: number;
  /** `aud`, when the worker sets JWT_AUDIENCE. */
  audience?: string;
  /** `iss`, when the worker sets JWT_ISSUER. */
  issuer?: string;
  /** The worker's JWT_MAX_TTL_SECONDS, when it is not the default. */
  maxTtlSeconds?: number;
  /** Clock in ms since the epoch (default Date.now()). */
  nowMs?: number;
}

/** Signs a client JWT with `secret`, refusing what the worker would refuse (short secret, empty sub, bad ttl). */
export async function mintClientToken(secret: string, options: ClientTokenOptions): Promise<string> {
  if (new TextEncoder().encode(secret).length < MIN_JWT_SECRET_BYTES)
    throw new Error(`JWT_SECRET must be at least ${MIN_JWT_SECRET_BYTES} bytes (e.g. openssl rand -hex 32)`);
  if (options.sub.trim() === "") throw new Error("sub (the client id) must not be empty");
  const maxTtl = options.maxTtlSeconds ?? DEFAULT_MAX_TTL_SECONDS;
  if (!Number.isInteger(options.ttlSeconds) || options.ttlSeconds <= 0 || options.ttlSeconds > maxTtl)
    throw new Error(`ttl must be a whole number of seconds from 1 to ${maxTtl}; got ${options.ttlSeconds}`);
  const now = Math.floor((options.nowMs ?? Date.now()) / 1000);
  return sign(
    {
      sub: options.sub,
      iat: now,
      exp: now + options.ttlSeconds,
      ...(options.audience !== undefined && { aud: options.audience }),
      ...(options.issuer !== undefined && { iss: options.issuer }),
    },
    secret,
    "HS256",
  );
}
