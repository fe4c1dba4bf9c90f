import type { AuthScheme } from "./build.ts";
import { DEFAULT_BASE_URL } from "./build.ts";
import { describeValue } from "./describe-value.ts";
import { IdeogramError } from "./errors.ts";
import { DEFAULT_MAX_RETRIES } from "./retry.ts";
import { closestMatch } from "./suggest.ts";
import { DEFAULT_TIMEOUT_MS } from "./timeout.ts";
import type { ValidateMode } from "./validate.ts";

/** The ways an API key can travel, in the order the messages list them. */
export const AUTH_SCHEMES = ["bearer", "api-key", "none"] as const satisfies readonly AuthScheme[];

/** The options every ideokit client takes (`new Ideogram(...)` in Node, `createClient(...)` in browsers). */
export interface ClientOptionsBase {
  /** API key (or, in browsers, a key allowed with `dangerouslyAllowBrowser`). */
  apiKey?: string;
  /** Service root; the client adds each endpoint's path (`/generate`, `/v1/ideogram-v3/edit`) itself. */
  baseURL?: string;
  /** How the key is sent: one of {@link AUTH_SCHEMES}. */
  auth?: AuthScheme;
  /** Per-attempt timeout in milliseconds (default 120 000); `Infinity` for none. */
  timeout?: number;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Request checking before sending (default `true`). */
  validate?: ValidateMode;
}

/** Per-call options of every client method; each overrides the client's setting for this call only. */
export interface RequestOptions {
  /** Aborts the call, including any wait between retries; the signal's reason becomes the error's `cause`. */
  signal?: AbortSignal;
  /** Per-attempt timeout in milliseconds. */
  timeout?: number;
  /** Retries after the first attempt. */
  maxRetries?: number;
  /** Extra headers for this call, over the client's. */
  headers?: Record<string, string>;
}

/** A client option is wrong; raised when the client is created (or the call is made), before anything is sent. */
export class ClientOptionError extends IdeogramError {
  override name = "ClientOptionError";
  /** The option at fault (`auth`, `timeout`, `maxRetries`, `baseURL`, ...). */
  readonly option: string;

  constructor(option: string, message: string) {
    super(message);
    this.option = option;
  }
}

function checkTimeout(value: unknown): void {
  if (value === undefined || (typeof value === "number" && value >= 0)) return;
  throw new ClientOptionError(
    "timeout",
    `Invalid timeout ${describeValue(value)}: expected milliseconds ≥ 0, or Infinity for no timeout.`,
  );
}

function checkMaxRetries(value: unknown): void {
  if (value === undefined || (Number.isInteger(value) && (value as number) >= 0)) return;
  throw new ClientOptionError(
    "maxRetries",
    `Invalid maxRetries ${describeValue(value)}: expected a whole number ≥ 0 (retries after the first attempt).`,
  );
}

function checkHeaders(value: unknown): void {
  if (value === undefined) return;
  const entries = typeof value === "object" && value !== null ? Object.entries(value) : undefined;
  const bad = entries?.find(([, header]) => typeof header !== "string");
  if (entries !== undefined && bad === undefined) return;
  throw new ClientOptionError(
    "headers",
    bad === undefined
      ? `Invalid headers ${describeValue(value)}: expected an object of header names to string values.`
      : `Invalid headers: "${bad[0]}" is ${describeValue(bad[1])}, expected a string.`,
  );
}

/** Throws {@link ClientOptionError} for a per-call option that is not what it must be. */
export function checkRequestOptions(options: RequestOptions): void {
  checkTimeout(options.timeout);
  checkMaxRetries(options.maxRetries);
  checkHeaders(options.headers);
}

/**
 * Throws {@link ClientOptionError} naming the first option that is not what it must be: `auth` one
 * of {@link AUTH_SCHEMES} (`"BEARER"` suggests `"bearer"`), `timeout` ms ≥ 0 or `Infinity`,
 * `maxRetries` a whole number ≥ 0, `headers` strings, `validate` `true`, `false` or `"passthrough"`.
 * Both clients run it at construction, so a typo fails there and not on the first call.
 */
export function checkClientOptions(options: ClientOptionsBase): void {
  const { auth, validate } = options;
  if (auth !== undefined && !(AUTH_SCHEMES as readonly unknown[]).includes(auth)) {
    const suggestion = typeof auth === "string" ? closestMatch(auth, AUTH_SCHEMES) : undefined;
    throw new ClientOptionError(
      "auth",
      `Invalid auth ${describeValue(auth)}: expected "bearer", "api-key" or "none"${suggestion ? ` (did you mean "${suggestion}"?)` : ""}.`,
    );
  }
  checkRequestOptions(options);
  if (validate !== undefined && validate !== true && validate !== false && validate !== "passthrough") {
    throw new ClientOptionError(
      "validate",
      `Invalid validate ${describeValue(validate)}: expected true, false or "passthrough".`,
    );
  }
}

/** The call settings of a client, every default filled: what {@link resolveCallSettings} returns. */
export interface CallSettings {
  /** Per-attempt timeout in milliseconds; `Infinity` for none. */
  timeout: number;
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Request checking before sending. */
  validate: ValidateMode;
}

/**
 * The options' `timeout`, `maxRetries` and `validate`, each defaulted as every client defaults it
 * (`DEFAULT_TIMEOUT_MS`, `DEFAULT_MAX_RETRIES`, `true`); run {@link checkClientOptions} first.
 */
export function resolveCallSettings(options: ClientOptionsBase): CallSettings {
  return {
    timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    validate: options.validate ?? true,
  };
}

// Messages quote the URL a user wrote, minus a `user:password@` part, which holds credentials.
function withoutCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/?#]*@/i, "$1");
}

const HTTP_URL = /^https?:\/\/[^\s/?#@]*@?[^\s/?#]+(?:[/?#]\S*)?$/i;
// Endpoint paths the clients add themselves; a base URL ending in one was copied from an example call.
const ENDPOINT_TAIL =
  /(?:\/v1\/ideogram-v\d+\/[a-z-]+|\/v1\/edit|\/(?:generate|edit|remix|reframe|upscale|describe|magic-prompt)|\/v1)\/*$/i;

/**
 * The base URL to send to, checked where the mistake is made (`from` names the environment
 * variable it came from, if any): surrounding spaces are trimmed; anything but an absolute http(s)
 * URL, or an endpoint pasted as the base (`…/ideogram/generate`, `…/v1/ideogram-v3/generate`),
 * throws {@link ClientOptionError} saying what to write instead.
 */
export function resolveBaseURL(value: string, from?: string): string {
  const baseURL = value.trim();
  const origin = from === undefined ? "" : ` (read from ${from})`;
  if (!HTTP_URL.test(baseURL)) {
    throw new ClientOptionError(
      "baseURL",
      `Invalid baseURL ${describeValue(withoutCredentials(value))}: expected an absolute http(s) URL such as "${DEFAULT_BASE_URL}"${origin}.`,
    );
  }
  const [, root = "", path = ""] = /^([a-z]+:\/\/[^/?#]*)([^?#]*)/i.exec(baseURL) ?? [];
  const endpoint = ENDPOINT_TAIL.exec(path)?.[0];
  if (endpoint !== undefined) {
    const base = withoutCredentials(root + path.slice(0, path.length - endpoint.length));
    throw new ClientOptionError(
      "baseURL",
      `Invalid baseURL "${withoutCredentials(baseURL)}": it ends with the endpoint path "${endpoint.replace(/\/+$/, "")}", which the client adds itself; write "${base}"${origin}.`,
    );
  }
  return baseURL;
}
