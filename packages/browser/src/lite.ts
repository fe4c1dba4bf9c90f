import { ClientClass, createClientWith, type IdeogramClient } from "./client.ts";
import type { ClientOptions } from "./client-options.ts";

export type { GenerateResponse, ImageObject, ImageRequest } from "@ideokit/core";
export {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  type AuthScheme,
  BadRequestError,
  ConflictError,
  IdeogramError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseValidationError,
  UnprocessableEntityError,
} from "@ideokit/core";
export type { IdeogramClient } from "./client.ts";
export type { RequestOptions } from "./client-options.ts";
export { type FetchImageOptions, fetchImage } from "./fetch-image.ts";
export { type ImageObjectURL, imageObjectURL } from "./image-object-url.ts";
export { DEFAULT_BROWSER_BASE_URL, DEFAULT_TIMEOUT_MS } from "./resolve-client-options.ts";

/** Options of the lite client: as the main entry's, without `validate`, since nothing here validates. */
export type LiteClientOptions = Omit<ClientOptions, "validate">;

/** Creates a client that sends requests unchecked, leaving validation to the edge worker, for the smallest bundle. */
export function createClient(options: LiteClientOptions = {}): IdeogramClient {
  return createClientWith(options, (request) => request);
}

/** Class form of {@link createClient}, named as in @ideokit/node. */
export class Ideogram extends ClientClass {
  constructor(options: LiteClientOptions = {}) {
    super(createClient(options));
  }
}
