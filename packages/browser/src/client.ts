import {
  type AuthScheme,
  buildGenerateRequest,
  type GenerateResponse,
  type ImageRequest,
  parseGenerateResponse,
} from "@ideokit/core";
import type { ClientOptions, RequestOptions } from "./client-options.ts";
import { parseJsonBody } from "./json-body.ts";
import { resolveClientOptions } from "./resolve-client-options.ts";
import { send } from "./send.ts";

/** A configured client: `generate` is the whole API, as in @ideokit/node. */
export interface IdeogramClient {
  /** The absolute service root requests go to. */
  readonly baseURL: string;
  /** How the credential is sent: "bearer", "api-key" or "none". */
  readonly auth: AuthScheme;
  /** Generates images; rejects with core's error classes. */
  generate(request: ImageRequest, options?: RequestOptions): Promise<GenerateResponse>;
}

/** Turns caller input into the request to send: core validation in the main entry, nothing in `/lite`. */
export type PrepareRequest = (input: ImageRequest) => ImageRequest;

/** Builds a client around `prepare`, so each entry point decides whether validation is bundled at all. */
export function createClientWith(options: ClientOptions, prepare: PrepareRequest): IdeogramClient {
  const settings = resolveClientOptions(options);
  const secrets = settings.credential === undefined ? [] : [settings.credential];
  return {
    baseURL: settings.baseURL,
    auth: settings.auth,
    async generate(input, callOptions = {}) {
      const request = buildGenerateRequest(prepare(input), {
        baseURL: settings.baseURL,
        apiKey: settings.credential,
        auth: settings.auth,
        headers: { ...settings.headers, ...callOptions.headers },
      });
      const text = await send(
        {
          ...request,
          signal: callOptions.signal,
          timeout: callOptions.timeout ?? settings.timeout,
          maxRetries: callOptions.maxRetries ?? settings.maxRetries,
          secrets,
        },
        (response) => response.text(),
      );
      return parseGenerateResponse(parseJsonBody(text));
    },
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
}
