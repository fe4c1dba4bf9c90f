import { createMiddleware } from "hono/factory";
import { looksLikeJwt, verifyClientJwt } from "../auth/jwt.ts";
import { matchStaticToken } from "../auth/static-tokens.ts";
import type { AppEnv, Runtime } from "../context.ts";
import type { Config } from "../env.ts";
import { errorResponse } from "../http/error-response.ts";

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * Sets `c.var.clientId` from a static token (`token:<id>`), an HS256 JWT (`jwt:<sub>`) or, when
 * ALLOW_ANONYMOUS is set and no credential is sent, the caller's IP (`anonymous:<ip>`). Anything
 * else gets the same bare 401, whatever was wrong.
 */
export function clientAuth(runtime: Pick<Runtime, "now">) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const config = c.get("config");
    const authorization = c.req.header("authorization");
    const clientId =
      authorization === undefined
        ? anonymousId(config, c.req.header("cf-connecting-ip"))
        : await credentialId(authorization, config, runtime.now());
    if (clientId === undefined) {
      c.header("WWW-Authenticate", 'Bearer realm="ideokit"');
      return errorResponse(c, 401, "unauthorized", "Missing or invalid credentials.");
    }
    c.set("clientId", clientId);
    await next();
  });
}

function anonymousId(config: Config, ip: string | undefined): string | undefined {
  return config.allowAnonymous ? `anonymous:${ip ?? "local"}` : undefined;
}

async function credentialId(
  authorization: string,
  config: Config,
  nowMs: number,
): Promise<string | undefined> {
  const credential = BEARER.exec(authorization)?.[1];
  if (credential === undefined) return undefined;
  if (config.jwtSecret !== undefined && looksLikeJwt(credential)) {
    const subject = await verifyClientJwt(credential, config.jwtSecret, nowMs);
    if (subject !== undefined) return `jwt:${subject}`;
  }
  const tokenId = await matchStaticToken(credential, config.clientTokens);
  return tokenId === undefined ? undefined : `token:${tokenId}`;
}
