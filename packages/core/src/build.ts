import { IdeogramError } from "./errors.ts";
import type { HttpRequest, RequestTarget } from "./operation.ts";
import type { ImageRequest } from "./request-schema.ts";

/** How the API key travels: `Authorization: Bearer KEY`, `Api-Key: KEY`, or not at all. */
export type AuthScheme = "bearer" | "api-key" | "none";

/** Where requests go and how they authenticate. */
export interface Endpoint {
  baseURL: string;
  auth: AuthScheme;
}

/** Base URL used when none is given: the kkiai reseller. */
export const DEFAULT_BASE_URL = "https://www.kkiai.com/ideogram";
/** The kkiai reseller (the default): `https://www.kkiai.com/ideogram`, bearer auth. */
export const KKIAI = {
  baseURL: DEFAULT_BASE_URL,
  auth: "bearer",
} as const satisfies Endpoint;
/** Ideogram's own API: `https://api.ideogram.ai`, `Api-Key` header. */
export const IDEOGRAM_OFFICIAL = {
  baseURL: "https://api.ideogram.ai",
  auth: "api-key",
} as const satisfies Endpoint;

const HOST = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/:?#]+)/i;

/** `"api-key"` for api.ideogram.ai hosts, `"bearer"` for everything else (resellers, proxies). */
export function defaultAuthFor(baseURL: string): AuthScheme {
  const host = HOST.exec(baseURL)?.[1]?.toLowerCase() ?? "";
  return host === "api.ideogram.ai" || host.endsWith(".api.ideogram.ai") ? "api-key" : "bearer";
}

/** The `/generate` URL under `baseURL`, with or without a trailing slash. */
export function generateUrl(baseURL: string): string {
  return `${baseURL.replace(/\/+$/, "")}/generate`;
}

/** Options of {@link buildGenerateRequest}. */
export interface BuildGenerateRequestOptions {
  /** Defaults to {@link DEFAULT_BASE_URL}. */
  baseURL?: string;
  apiKey?: string;
  /** Defaults to {@link defaultAuthFor}(baseURL). */
  auth?: AuthScheme;
  /** Extra headers; they override the defaults (names compared case-insensitively). */
  headers?: Record<string, string>;
}

/** Everything a transport needs to send one generate call. */
export interface GenerateHttpRequest {
  url: string;
  method: "POST";
  headers: Record<string, string>;
  body: string;
}

function authHeaders(auth: AuthScheme, apiKey: string | undefined): Record<string, string> {
  if (auth === "none") return {};
  if (apiKey === undefined || apiKey === "") {
    throw new IdeogramError(`No apiKey or token for auth "${auth}" (pass auth: "none" to send none).`);
  }
  return auth === "bearer" ? { Authorization: `Bearer ${apiKey}` } : { "Api-Key": apiKey };
}

function mergeHeaders(
  defaults: Record<string, string>,
  overrides: Record<string, string>,
): Record<string, string> {
  const merged = { ...defaults };
  for (const [name, value] of Object.entries(overrides)) {
    const lowerName = name.toLowerCase();
    for (const existing of Object.keys(merged)) {
      if (existing.toLowerCase() === lowerName) delete merged[existing];
    }
    merged[name] = value;
  }
  return merged;
}

/**
 * The request for `body` to `path` under `target.baseURL`: JSON text gets its content type, a
 * `FormData` none (the transport adds the multipart boundary). Shared by every operation.
 */
export function httpRequest(path: string, body: string | FormData, target: RequestTarget): HttpRequest {
  const auth = authHeaders(target.auth, target.apiKey);
  const defaults: Record<string, string> =
    typeof body === "string"
      ? { "Content-Type": "application/json", Accept: "application/json", ...auth }
      : { Accept: "application/json", ...auth };
  return {
    url: `${target.baseURL.replace(/\/+$/, "")}${path}`,
    method: "POST",
    headers: target.headers === undefined ? defaults : mergeHeaders(defaults, target.headers),
    body,
  };
}

/**
 * The HTTP request for one generate call: `POST {baseURL}/generate` with JSON
 * `{"image_request":{…}}`. Does not validate: call `validateImageRequest` first.
 */
export function buildGenerateRequest(
  request: ImageRequest,
  options: BuildGenerateRequestOptions = {},
): GenerateHttpRequest {
  const baseURL = options.baseURL ?? DEFAULT_BASE_URL;
  const target: RequestTarget = { baseURL, auth: options.auth ?? defaultAuthFor(baseURL) };
  if (options.apiKey !== undefined) target.apiKey = options.apiKey;
  if (options.headers !== undefined) target.headers = options.headers;
  return httpRequest("/generate", JSON.stringify({ image_request: request }), target) as GenerateHttpRequest;
}
