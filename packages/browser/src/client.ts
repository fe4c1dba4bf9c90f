import {
  type AuthScheme,
  buildGenerateRequest,
  type GenerateResponse,
  type ImageRequest,
  parseGenerateResponseText,
  responseInfo,
  type WithResponse,
} from "@ideokit/core";
import type { ClientOptions, RequestOptions } from "./client-options.ts";
import { resolveClientOptions } from "./resolve-client-options.ts";
import { send } from "./send.ts";

/** A configured client with the calls of @ideokit/node's `Ideogram`. */
export interface IdeogramClient {
  /** The absolute service root requests go to. */
  readonly baseURL: string;
  /** How the credential is sent: "bearer", "api-key" or "none". */
  readonly auth: AuthScheme;
  /** Generates images; rejects with core's error classes. */
  generate(request: ImageRequest, options?: RequestOptions): Promise<GenerateResponse>;
  /** Like `generate`, plus the status, headers and request id of the answer. */
  generateWithResponse(
    request: ImageRequest,
    options?: RequestOptions,
  ): Promise<WithResponse<GenerateResponse>>;
}

/** Turns caller input into the request to send: core validation in the main entry, nothing in `/lite`. */
export type PrepareRequest = (input: ImageRequest) => ImageRequest;

/** Builds a client around `prepare`, so each entry point decides whether validation is bundled at all. */
export function createClientWith(options: ClientOptions, prepare: PrepareRequest): IdeogramClient {
  const settings = resolveClientOptions(options);
  const generateWithResponse: IdeogramClient["generateWithResponse"] = async (input, callOptions = {}) => {
    const request = prepare(input);
    // After validation, so an invalid request never makes the page fetch a fresh token.
    const credential = await settings.credential();
    const response = await send({
      ...buildGenerateRequest(request, {
        baseURL: settings.baseURL,
        apiKey: credential,
        auth: settings.auth,
        headers: { ...settings.headers, ...callOptions.headers },
      }),
      signal: callOptions.signal,
      timeout: callOptions.timeout ?? settings.timeout,
      maxRetries: callOptions.maxRetries ?? settings.maxRetries,
      secrets: credential === undefined ? [] : [credential],
    });
    return {
      data: parseGenerateResponseText(await response.text()),
      response: responseInfo(response.status, response.headers),
    };
  };
  return {
    baseURL: settings.baseURL,
    auth: settings.auth,
    generateWithResponse,
    generate: async (input, callOptions) => (await generateWithResponse(input, callOptions)).data,
  };
}

/** Class shape shared by both entry points' `Ideogram`, which differ only in how they create the client. */
export class ClientClass implements IdeogramClient {
  readonly #client: IdeogramClient;

  constructor(client: IdeogramClient) {
    this.#client = client;
  }

  /** The absolute service root requests go to. */
  get baseURL(): string {
    return this.#client.baseURL;
  }

  /** How the credential is sent: "bearer", "api-key" or "none". */
  get auth(): AuthScheme {
    return this.#client.auth;
  }

  /** Generates images; rejects with core's error classes. */
  generate(request: ImageRequest, options?: RequestOptions): Promise<GenerateResponse> {
    return this.#client.generate(request, options);
  }

  /** Like `generate`, plus the status, headers and request id of the answer. */
  generateWithResponse(
    request: ImageRequest,
    options?: RequestOptions,
  ): Promise<WithResponse<GenerateResponse>> {
    return this.#client.generateWithResponse(request, options);
  }
}
