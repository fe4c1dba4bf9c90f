import { createMiddleware } from "hono/factory";
import { looksLikeJwt, verifyClientJwt } from "../auth/jwt.ts";
import { matchStaticToken } from "../auth/static-tokens.ts";
import type { AppEnv, Runtime } from "../context.ts";
import type { Config } from "../env.ts";
import { clientAddress } from "../http/client-address.ts";
import { errorResponse } from "../http/error-response.ts";
import type { LocalLimiter } from "../rate-limit/local-limiter.ts";
import { rateLimited } from "./rate-limit.ts";

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * Sets `c.var.clientId` from a static token (`token:<id>`), an HS256 JWT (`jwt:<sub>`) or, when
 * ALLOW_ANONYMOUS is set and no credential is sent, the caller's address (`anonymous:<ip>`, IPv6 by
 * /64). Anything else gets the same bare 401, whatever was wrong. Failed authentications are
 * counted per client address in the isolate's limiter: past AUTH_FAILURE_LIMIT_MAX a period, that
 * address gets 429 before any credential is checked, so guessing stops paying.
 */
export function clientAuth(runtime: Pick<Runtime, "now">, limiter: LocalLimiter) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const config = c.get("config");
    const address = clientAddress(c);
    const failures = `auth-failures:${address}`;
    const { authFailureMax, periodSeconds } = config.rateLimit;
    const blocked = limiter.check(failures, authFailureMax);
    if (!blocked.allowed) return rateLimited(c, blocked.retryAfterSeconds);
    const authorization = c.req.header("authorization");
    const clientId =
      authorization === undefined
        ? anonymousId(config, address)
        : await credentialId(authorization, config, runtime.now());
    if (clientId === undefined) {
      const counted = limiter.take(failures, authFailureMax, periodSeconds);
      if (!counted.allowed) return rateLimited(c, counted.retryAfterSeconds);
      c.header("WWW-Authenticate", 'Bearer realm="ideokit"');
      return errorResponse(c, 401, "unauthorized", "Missing or invalid credentials.");
    }
    c.set("clientId", clientId);
    await next();
  });
}

function anonymousId(config: Config, address: string): string | undefined {
  return config.allowAnonymous ? `anonymous:${address}` : undefined;
}

async function credentialId(
  authorization: string,
  config: Config,
  nowMs: number,
): Promise<string | undefined> {
  const credential = BEARER.exec(authorization)?.[1];
  if (credential === undefined) return undefined;
  const { jwt } = config;
  if (jwt.secret !== undefined && looksLikeJwt(credential)) {
    const subject = await verifyClientJwt(credential, { ...jwt, secret: jwt.secret }, nowMs);
    if (subject !== undefined) return `jwt:${subject}`;
  }
  const tokenId = await matchStaticToken(credential, config.clientTokens);
  return tokenId === undefined ? undefined : `token:${tokenId}`;
}
