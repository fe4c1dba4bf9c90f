import {
  type AuthScheme,
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  defaultAuthFor,
  IdeogramError,
  type ImageRequest,
  imageRequestValidator,
  type ValidateMode,
} from "@ideokit/core";
import { Agent, type Dispatcher } from "undici";

/** Options of `new Ideogram(...)`; every field is optional. */
export interface ClientOptions {
  /** API key; defaults to `IDEOGRAM_API_KEY`. */
  apiKey?: string;
  /** Service root; defaults to `IDEOGRAM_BASE_URL`, else the reseller `https://www.kkiai.com/ideogram`. */
  baseURL?: string;
  /** How the key is sent; defaults to `"api-key"` for api.ideogram.ai and `"bearer"` elsewhere. */
  auth?: AuthScheme;
  /** Per-attempt timeout in milliseconds (default 120 000); `Infinity` for none. */
  timeout?: number;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  /** undici dispatcher to send through; the client then neither creates nor closes its own Agent. */
  dispatcher?: Dispatcher;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Request checking before sending (default `true`). */
  validate?: ValidateMode;
  /** Environment to read defaults from (default `process.env`). */
  env?: Record<string, string | undefined>;
}

/** The client's settled configuration. */
export interface ResolvedClientOptions {
  apiKey: string | undefined;
  baseURL: string;
  auth: AuthScheme;
  timeout: number;
  maxRetries: number;
  dispatcher: Dispatcher;
  ownsDispatcher: boolean;
  headers: Record<string, string>;
  /** Core's check for the `validate` option, run on every request before it is sent. */
  checkRequest: (input: ImageRequest) => ImageRequest;
  debug: boolean;
}

/** Fills defaults from the options and the environment; fails now rather than with a 401 later when no key is set. */
export function resolveClientOptions(options: ClientOptions = {}): ResolvedClientOptions {
  const env = options.env ?? process.env;
  const baseURL = options.baseURL ?? nonEmpty(env.IDEOGRAM_BASE_URL) ?? DEFAULT_BASE_URL;
  assertHttpURL(baseURL);
  const auth = options.auth ?? defaultAuthFor(baseURL);
  // An explicit but empty key (an unset variable read elsewhere) is as missing as none at all.
  const apiKey = nonEmpty(options.apiKey ?? env.IDEOGRAM_API_KEY);
  if (apiKey === undefined && auth !== "none") {
    throw new MissingAPIKeyError();
  }
  return {
    apiKey,
    baseURL,
    auth,
    timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    dispatcher: options.dispatcher ?? new Agent(),
    ownsDispatcher: options.dispatcher === undefined,
    headers: options.headers ?? {},
    checkRequest: imageRequestValidator(options.validate ?? true),
    debug: env.IDEOGRAM_LOG === "debug",
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}

/** Refuses a base URL undici cannot send to now, rather than with a retried connection error on each call. */
function assertHttpURL(baseURL: string): void {
  const protocol = URL.parse(baseURL)?.protocol;
  if (protocol !== "http:" && protocol !== "https:") {
    throw new IdeogramError(
      `Invalid baseURL "${baseURL}": expected an absolute http(s) URL such as "${DEFAULT_BASE_URL}".`,
    );
  }
}

/** No API key was configured; raised by the constructor so the mistake surfaces before any request. */
export class MissingAPIKeyError extends IdeogramError {
  override name = "MissingAPIKeyError";

  constructor() {
    super(
      "Missing API key: pass `new Ideogram({ apiKey })` or set the IDEOGRAM_API_KEY environment variable.",
    );
  }
}
