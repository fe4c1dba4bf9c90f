import {
  type AuthScheme,
  checkClientOptions,
  defaultAuthFor,
  IdeogramError,
  type PipelineConfig,
  resolveBaseURL,
  resolveCallSettings,
} from "@ideokit/core";
import { absoluteURL } from "./absolute-url.ts";
import type { ClientOptions } from "./client-options.ts";
import { kyTransport } from "./ky-transport.ts";

/** The edge worker's route on the page's origin. */
export const DEFAULT_BROWSER_BASE_URL = "/ideogram";

const API_KEY_REFUSED =
  "Refusing to send an Ideogram API key from a browser: the key would ship to every visitor of the page, " +
  "who could read it and spend your credits. Call your ideokit edge worker instead, which keeps the key " +
  'on the server: createClient({ token }) talks to "/ideogram" on this origin by default. If only people ' +
  "allowed to see the key can open this page, pass dangerouslyAllowBrowser: true.";

/** Checks the options (core's checker, then the browser's own rules), fills browser defaults, and refuses an upstream key unless the caller knowingly allows it. */
export function resolveClientOptions(options: ClientOptions): PipelineConfig {
  checkClientOptions(options);
  const { apiKey, token } = options;
  if (apiKey !== undefined && options.dangerouslyAllowBrowser !== true) {
    throw new IdeogramError(API_KEY_REFUSED);
  }
  if (apiKey !== undefined && token !== undefined) {
    throw new IdeogramError("Pass either `token` (for the edge worker) or `apiKey` (for the API), not both.");
  }
  const baseURL = resolveBaseURL(absoluteURL(options.baseURL?.trim() ?? DEFAULT_BROWSER_BASE_URL));
  return {
    transport: kyTransport,
    baseURL,
    auth: options.auth ?? defaultAuth(options, baseURL),
    apiKey: token ?? apiKey,
    headers: options.headers,
    ...resolveCallSettings(options),
  };
}

// A worker token is always bearer; a key follows core's choice for the host; nothing to send means no header.
function defaultAuth({ token, apiKey }: ClientOptions, baseURL: string): AuthScheme {
  if (token !== undefined) return "bearer";
  return apiKey === undefined ? "none" : defaultAuthFor(baseURL);
}
