import type { AuthScheme, ValidateMode } from "@ideokit/core";

/** Options of `createClient(...)` / `new Ideogram(...)`; every field is optional. */
export interface ClientOptions {
  /** Service root; defaults to `/ideogram` on the page's origin, the edge worker's route. */
  baseURL?: string;
  /**
   * Client token or JWT for the edge worker, sent as `Authorization: Bearer`; a function is called
   * before each generate call, so a token that expires can be refreshed.
   */
  token?: string | (() => string | Promise<string>);
  /** Upstream Ideogram key: refused unless `dangerouslyAllowBrowser` is set, because every visitor could read it. */
  apiKey?: string;
  /** Lets `apiKey` be used from a page, for internal tools whose users may see the key. */
  dangerouslyAllowBrowser?: boolean;
  /** How the credential is sent; defaults to bearer for a token, core's choice for the base URL with an API key. */
  auth?: AuthScheme;
  /** Per-attempt timeout in milliseconds (default 120 000). */
  timeout?: number;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Request checking before sending (default `true`). */
  validate?: ValidateMode;
}

/** Per-call options of `generate`, overriding the client's. */
export interface RequestOptions {
  /** Aborts the call, including any wait between retries. */
  signal?: AbortSignal;
  /** Per-attempt timeout in milliseconds. */
  timeout?: number;
  /** Retries after the first attempt. */
  maxRetries?: number;
  /** Extra headers for this call, over the client's. */
  headers?: Record<string, string>;
}
