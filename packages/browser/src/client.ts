import {
  type AuthScheme,
  bindOperation,
  type GenerateResponse,
  generateOperation,
  type ImageRequest,
  type PipelineConfig,
  type RequestOptions,
  type WithResponse,
} from "@ideokit/core";
import type { ClientOptions } from "./client-options.ts";
import { resolveClientOptions } from "./resolve-client-options.ts";

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

/** Builds a client on core's pipeline with the ky transport; `/lite` passes `validate: false`, so nothing is checked there. */
export function createClientWith(options: ClientOptions): IdeogramClient {
  const config: PipelineConfig = resolveClientOptions(options);
  const generate = bindOperation(generateOperation, config);
  return {
    baseURL: config.baseURL,
    auth: config.auth,
    generate,
    generateWithResponse: generate.withResponse,
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
