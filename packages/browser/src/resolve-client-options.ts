import {
  type AuthScheme,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  defaultAuthFor,
  IdeogramError,
} from "@ideokit/core";
import { absoluteURL } from "./absolute-url.ts";
import type { ClientOptions } from "./client-options.ts";

/** The edge worker's route on the page's origin. */
export const DEFAULT_BROWSER_BASE_URL = "/ideogram";

/** The client's settled configuration. */
export interface ResolvedClientOptions {
  baseURL: string;
  auth: AuthScheme;
  /** Gives the token or API key to send (calling a token function); undefined sends no credentials. */
  credential: () => string | undefined | Promise<string>;
  timeout: number;
  maxRetries: number;
  headers: Record<string, string>;
}

const API_KEY_REFUSED =
  "Refusing to send an Ideogram API key from a browser: the key would ship to every visitor of the page, " +
  "who could read it and spend your credits. Call your ideokit edge worker instead, which keeps the key " +
  'on the server: createClient({ token }) talks to "/ideogram" on this origin by default. If only people ' +
  "allowed to see the key can open this page, pass dangerouslyAllowBrowser: true.";

/** Fills browser defaults and refuses an upstream key unless the caller knowingly allows it. */
export function resolveClientOptions(options: ClientOptions): ResolvedClientOptions {
  const { apiKey, token } = options;
  if (apiKey !== undefined && options.dangerouslyAllowBrowser !== true) {
    throw new IdeogramError(API_KEY_REFUSED);
  }
  if (apiKey !== undefined && token !== undefined) {
    throw new IdeogramError("Pass either `token` (for the edge worker) or `apiKey` (for the API), not both.");
  }
  const baseURL = absoluteURL(options.baseURL ?? DEFAULT_BROWSER_BASE_URL);
  const credential = token ?? apiKey;
  return {
    baseURL,
    auth: options.auth ?? defaultAuth(options, baseURL),
    credential: typeof credential === "function" ? credential : () => credential,
    timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    headers: options.headers ?? {},
  };
}

// A worker token is always bearer; a key follows core's choice for the host; nothing to send means no header.
function defaultAuth({ token, apiKey }: ClientOptions, baseURL: string): AuthScheme {
  if (token !== undefined) return "bearer";
  return apiKey === undefined ? "none" : defaultAuthFor(baseURL);
}
