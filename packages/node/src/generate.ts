import {
  buildGenerateRequest,
  type GenerateResponse,
  type ImageRequest,
  parseGenerateResponseText,
  responseInfo,
  type WithResponse,
} from "@ideokit/core";
import type { ResolvedClientOptions } from "./client-options.ts";
import { type DebugLog, loggableURL } from "./debug-log.ts";
import { ensureOk } from "./ensure-ok.ts";
import { openResponse, readText } from "./open-response.ts";
import { withRetries } from "./with-retries.ts";

/** Per-call options of `generate`; each overrides the client's setting for this call only. */
export interface RequestOptions {
  signal?: AbortSignal;
  timeout?: number;
  maxRetries?: number;
  headers?: Record<string, string>;
}

/** Validates, sends with retries, and parses one generate call. */
export async function generateWithResponse(
  config: ResolvedClientOptions,
  log: DebugLog,
  input: ImageRequest,
  options: RequestOptions = {},
): Promise<WithResponse<GenerateResponse>> {
  const outgoing = buildGenerateRequest(config.checkRequest(input), {
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
      await ensureOk(response, secrets);
      return {
        data: parseGenerateResponseText(await readText(response)),
        response: responseInfo(response.status, response.headers),
      };
    },
    {
      maxRetries: options.maxRetries ?? config.maxRetries,
      signal: options.signal,
      log,
      label: `POST ${loggableURL(outgoing.url)}`,
      statusOf: (result) => result.response.status,
    },
  );
}
