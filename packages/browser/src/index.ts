import { ClientClass, createClientWith, type IdeogramClient } from "./client.ts";
import type { ClientOptions } from "./client-options.ts";
import { validatorFor } from "./validator.ts";

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
  RequestValidationError,
  ResponseValidationError,
  UnprocessableEntityError,
} from "@ideokit/core";
export type { IdeogramClient } from "./client.ts";
export type { ClientOptions, RequestOptions, ValidateMode } from "./client-options.ts";
export { type FetchImageOptions, fetchImage } from "./fetch-image.ts";
export { type ImageObjectURL, imageObjectURL } from "./image-object-url.ts";
export { DEFAULT_BROWSER_BASE_URL, DEFAULT_TIMEOUT_MS } from "./resolve-client-options.ts";

/** Creates a client for the edge worker (default `/ideogram` on this origin) that validates every request with core before sending. */
export function createClient(options: ClientOptions = {}): IdeogramClient {
  return createClientWith(options, validatorFor(options.validate ?? true));
}

/** Class form of {@link createClient}, named as in @ideokit/node so code moves between runtimes by changing the import. */
export class Ideogram extends ClientClass {
  constructor(options: ClientOptions = {}) {
    super(createClient(options));
  }
}
