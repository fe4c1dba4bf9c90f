import {
  APIError,
  buildGenerateRequest,
  errorFromResponse,
  type GenerateResponse,
  type ImageRequest,
  parseGenerateResponse,
} from "@ideokit/core";
import { checkRequest } from "./check-request.ts";
import type { ResolvedClientOptions } from "./client-options.ts";
import type { DebugLog } from "./debug-log.ts";
import { openResponse, readText } from "./open-response.ts";
import { parseErrorBody, parseJsonBody } from "./response-body.ts";
import { withRetries } from "./with-retries.ts";

/** Per-call options of `generate`; each overrides the client's setting for this call only. */
export interface RequestOptions {
  signal?: AbortSignal;
  timeout?: number;
  maxRetries?: number;
  headers?: Record<string, string>;
}

/** The HTTP side of a successful call. */
export interface ResponseInfo {
  status: number;
  headers: Record<string, string>;
  /** The upstream request id header, when the service sent one. */
  requestId: string | undefined;
}

/** A parsed result together with its HTTP response. */
export interface WithResponse<T> {
  data: T;
  response: ResponseInfo;
}

/** Validates, sends with retries, and parses one generate call. */
export async function generateWithResponse(
  config: ResolvedClientOptions,
  log: DebugLog,
  input: ImageRequest,
  options: RequestOptions = {},
): Promise<WithResponse<GenerateResponse>> {
  const imageRequest = checkRequest(input, config.validate);
  const outgoing = buildGenerateRequest(imageRequest, {
    baseURL: config.baseURL,
    apiKey: config.apiKey,
    auth: config.auth,
    headers: { ...config.headers, ...options.headers },
  });
  const secrets = config.apiKey === undefined ? [] : [config.apiKey];
  return withRetries(
    async () => {
      const response = await openResponse(outgoing, {
        dispatcher: config.dispatcher,
        timeout: options.timeout ?? config.timeout,
        signal: options.signal,
      });
      const text = await readText(response);
      if (response.status < 200 || response.status >= 300) {
        throw errorFromResponse({
          status: response.status,
          headers: response.headers,
          body: parseErrorBody(text),
          secrets,
        });
      }
      return {
        data: parseGenerateResponse(parseJsonBody(text)),
        response: {
          status: response.status,
          headers: response.headers,
          requestId: requestIdOf(response.headers),
        },
      };
    },
    {
      maxRetries: options.maxRetries ?? config.maxRetries,
      signal: options.signal,
      log,
      label: `POST ${outgoing.url}`,
      statusOf: (result) => result.response.status,
    },
  );
}

// Reads the id the same way core's APIError does, so success and failure report the same header.
function requestIdOf(headers: Record<string, string>): string | undefined {
  return new APIError({ status: 200, headers }).requestId;
}
