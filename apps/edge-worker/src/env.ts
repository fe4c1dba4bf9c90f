import { type AuthScheme, DEFAULT_BASE_URL, defaultAuthFor } from "@ideokit/core";

/** A `vars` value as Wrangler may hand it over (JSON vars can be numbers or booleans). */
type Var = string | number | boolean;

/** The worker's bindings: vars, secrets, the KV namespace, the Rate Limiting binding and the R2 bucket (all optional). */
export interface Bindings {
  UPSTREAM_BASE_URL?: Var;
  UPSTREAM_AUTH?: Var;
  UPSTREAM_TIMEOUT_MS?: Var;
  REQUEST_BODY_TIMEOUT_MS?: Var;
  IDEOGRAM_API_KEY?: string;
  UPSTREAM_KEYS?: KVNamespace;
  UPSTREAM_KEY_NAME?: Var;
  KEY_CACHE_TTL_SECONDS?: Var;
  CLIENT_TOKENS?: string;
  JWT_SECRET?: string;
  JWT_MAX_TTL_SECONDS?: Var;
  JWT_AUDIENCE?: Var;
  JWT_ISSUER?: Var;
  ALLOW_ANONYMOUS?: Var;
  ALLOWED_ORIGINS?: Var;
  RATE_LIMITER?: RateLimit;
  RATE_LIMIT_MAX?: Var;
  RATE_LIMIT_PERIOD_SECONDS?: Var;
  IMAGE_RATE_LIMIT_MAX?: Var;
  AUTH_FAILURE_LIMIT_MAX?: Var;
  CACHE_TTL_SECONDS?: Var;
  CACHE_SCOPE?: Var;
  IMAGE_SIGNING_SECRET?: string;
  IMAGE_HOSTS?: Var;
  ALLOW_PRIVATE_IMAGE_HOSTS?: Var;
  IMAGE_RETENTION_DAYS?: Var;
  IMAGES?: R2Bucket;
}

/** A static client token and the client id it stands for. */
export interface ClientToken {
  clientId: string;
  token: string;
}

/** The worker's settings, parsed once per bindings object with every default applied. */
export interface Config {
  upstream: { baseURL: string; auth: Exclude<AuthScheme, "none">; timeoutMs: number };
  key: { secret: string | undefined; kvName: string; cacheTtlMs: number };
  /** How long a client may take to send its request body. */
  requestBodyTimeoutMs: number;
  clientTokens: ClientToken[];
  jwt: JwtConfig;
  allowAnonymous: boolean;
  allowedOrigins: string[];
  /**
   * Calls per period: `max` per client on generate, `imageMax` per client address on the image
   * proxy, `authFailureMax` failed authentications per client address.
   */
  rateLimit: { max: number; periodSeconds: number; imageMax: number; authFailureMax: number };
  /**
   * Lifetime of a cached seeded generate answer (0 turns the generation cache off), and whom an
   * entry serves: only the client that asked (`client`), or every client (`shared`).
   */
  cache: { ttlSeconds: number; scope: CacheScope };
  images: ImageConfig;
}

/**
 * Whom a cached generate answer serves. `shared` saves upstream calls across clients, but a hit
 * tells client B that someone asked for that prompt and seed; `client` (the default) keeps every
 * client's entries apart.
 */
export type CacheScope = "client" | "shared";

/** How client JWTs are checked; without a secret no JWT is accepted. */
export interface JwtConfig {
  secret: string | undefined;
  /** The longest a token may still live (`exp` minus now), so a leaked token cannot work for years. */
  maxTtlSeconds: number;
  /** The `aud` a token must name, when set. */
  audience: string | undefined;
  /** The `iss` a token must carry, when set. */
  issuer: string | undefined;
}

/** Bytes a signing secret needs at least: HMAC-SHA256 keys shorter than its output are guessable. */
export const MIN_SECRET_BYTES = 32;

/** The image proxy's settings; without a signing secret image URLs pass through unchanged. */
export interface ImageConfig {
  signingSecret: string | undefined;
  /** Hosts (`name` or `name:port`, lower case) the proxy may fetch images from. */
  hosts: string[];
  /** Lets the proxy fetch from loopback, private and link-local addresses (local development only). */
  allowPrivateHosts: boolean;
  /** How long a proxied image stays available when the IMAGES bucket keeps a copy. */
  retentionSeconds: number;
}

/** Thrown when a binding holds a value the worker cannot run with. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** The KV key that holds the upstream key unless UPSTREAM_KEY_NAME says otherwise. */
export const DEFAULT_KEY_NAME = "IDEOGRAM_API_KEY";

/** The official service's image host, allowed next to the upstream's own host unless IMAGE_HOSTS says otherwise. */
export const IDEOGRAM_IMAGE_HOST = "ideogram.ai";

const configs = new WeakMap<Bindings, Config>();

/** Parses the bindings into a Config (memoised per bindings object, so per isolate in production). */
export function readConfig(env: Bindings): Config {
  let config = configs.get(env);
  if (!config) {
    config = parseConfig(env);
    configs.set(env, config);
  }
  return config;
}

function parseConfig(env: Bindings): Config {
  const baseURL = text(env.UPSTREAM_BASE_URL) ?? DEFAULT_BASE_URL;
  if (!URL.canParse(baseURL)) throw new ConfigError("UPSTREAM_BASE_URL is not a URL");
  return {
    upstream: {
      baseURL,
      auth: authScheme(env.UPSTREAM_AUTH, baseURL),
      timeoutMs: positiveInteger("UPSTREAM_TIMEOUT_MS", env.UPSTREAM_TIMEOUT_MS, 60_000),
    },
    key: {
      secret: text(env.IDEOGRAM_API_KEY),
      kvName: text(env.UPSTREAM_KEY_NAME) ?? DEFAULT_KEY_NAME,
      cacheTtlMs: 1000 * positiveInteger("KEY_CACHE_TTL_SECONDS", env.KEY_CACHE_TTL_SECONDS, 60),
    },
    requestBodyTimeoutMs: positiveInteger("REQUEST_BODY_TIMEOUT_MS", env.REQUEST_BODY_TIMEOUT_MS, 10_000),
    clientTokens: clientTokens(env.CLIENT_TOKENS),
    jwt: {
      secret: signingSecret("JWT_SECRET", env.JWT_SECRET),
      maxTtlSeconds: positiveInteger("JWT_MAX_TTL_SECONDS", env.JWT_MAX_TTL_SECONDS, 86_400),
      audience: text(env.JWT_AUDIENCE),
      issuer: text(env.JWT_ISSUER),
    },
    allowAnonymous: flag(env.ALLOW_ANONYMOUS),
    allowedOrigins: list(env.ALLOWED_ORIGINS),
    rateLimit: {
      max: positiveInteger("RATE_LIMIT_MAX", env.RATE_LIMIT_MAX, 60),
      periodSeconds: positiveInteger("RATE_LIMIT_PERIOD_SECONDS", env.RATE_LIMIT_PERIOD_SECONDS, 60),
      imageMax: positiveInteger("IMAGE_RATE_LIMIT_MAX", env.IMAGE_RATE_LIMIT_MAX, 300),
      authFailureMax: positiveInteger("AUTH_FAILURE_LIMIT_MAX", env.AUTH_FAILURE_LIMIT_MAX, 20),
    },
    cache: {
      ttlSeconds: nonNegativeInteger("CACHE_TTL_SECONDS", env.CACHE_TTL_SECONDS, 12 * 3600),
      scope: oneOf("CACHE_SCOPE", env.CACHE_SCOPE, ["client", "shared"]),
    },
    images: {
      signingSecret: signingSecret("IMAGE_SIGNING_SECRET", env.IMAGE_SIGNING_SECRET),
      hosts: imageHosts(env.IMAGE_HOSTS, baseURL),
      allowPrivateHosts: flag(env.ALLOW_PRIVATE_IMAGE_HOSTS),
      retentionSeconds: 86_400 * positiveInteger("IMAGE_RETENTION_DAYS", env.IMAGE_RETENTION_DAYS, 30),
    },
  };
}

function text(value: Var | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = String(value).trim();
  return trimmed === "" ? undefined : trimmed;
}

function list(value: Var | undefined): string[] {
  return (text(value) ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

function flag(value: Var | undefined): boolean {
  return ["1", "true", "yes", "on"].includes((text(value) ?? "").toLowerCase());
}

/** A secret of at least {@link MIN_SECRET_BYTES} UTF-8 bytes, or undefined when unset. */
function signingSecret(name: string, value: string | undefined): string | undefined {
  const secret = text(value);
  if (secret !== undefined && new TextEncoder().encode(secret).length < MIN_SECRET_BYTES) {
    throw new ConfigError(`${name} must be at least ${MIN_SECRET_BYTES} bytes (e.g. openssl rand -hex 32)`);
  }
  return secret;
}

/** A lower-cased value among `choices`, the first of them when unset. */
function oneOf<T extends string>(name: string, value: Var | undefined, choices: readonly [T, ...T[]]): T {
  const raw = text(value)?.toLowerCase() ?? choices[0];
  const choice = choices.find((candidate) => candidate === raw);
  if (choice === undefined) throw new ConfigError(`${name} must be one of ${choices.join(", ")}`);
  return choice;
}

function positiveInteger(name: string, value: Var | undefined, fallback: number): number {
  return integerAtLeast(1, name, value, fallback);
}

function nonNegativeInteger(name: string, value: Var | undefined, fallback: number): number {
  return integerAtLeast(0, name, value, fallback);
}

function integerAtLeast(minimum: 0 | 1, name: string, value: Var | undefined, fallback: number): number {
  const raw = text(value);
  if (raw === undefined) return fallback;
  const parsed = Number(raw);
  if (!Number.isSafeInteger(parsed) || parsed < minimum) {
    throw new ConfigError(`${name} must be a ${minimum === 1 ? "positive" : "non-negative"} integer`);
  }
  return parsed;
}

/** IMAGE_HOSTS as URL hosts; by default the upstream's host and the official image host. */
function imageHosts(value: Var | undefined, baseURL: string): string[] {
  const hosts = list(value).map((host) => host.toLowerCase());
  if (hosts.length > 0) return hosts;
  return [...new Set([new URL(baseURL).host, IDEOGRAM_IMAGE_HOST])];
}

function authScheme(value: Var | undefined, baseURL: string): Config["upstream"]["auth"] {
  const raw = text(value)?.toLowerCase();
  if (raw === undefined) {
    const fallback = defaultAuthFor(baseURL);
    return fallback === "none" ? "bearer" : fallback;
  }
  if (raw === "bearer" || raw === "api-key") return raw;
  throw new ConfigError("UPSTREAM_AUTH must be bearer or api-key");
}

/**
 * `id:token` entries give the client a readable id; a bare token is known by its position. A token
 * no `Authorization: Bearer` header can carry (empty, or with whitespace inside) is a configuration
 * error rather than an entry that silently never matches.
 */
function clientTokens(value: string | undefined): ClientToken[] {
  return list(value).map((entry, index) => {
    const colon = entry.indexOf(":");
    const token = colon > 0 ? entry.slice(colon + 1).trim() : entry;
    if (!/^\S+$/.test(token)) throw new ConfigError(`CLIENT_TOKENS entry ${index + 1} has no usable token`);
    return { clientId: colon > 0 ? entry.slice(0, colon).trim() : `token-${index + 1}`, token };
  });
}
