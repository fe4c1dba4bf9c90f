// What both entry points export, so `/lite` stays the main entry minus validation.
export {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  type AuthScheme,
  BadRequestError,
  ConflictError,
  DEFAULT_TIMEOUT_MS,
  type GenerateResponse,
  IdeogramError,
  ImageDownloadError,
  type ImageDownloadFailure,
  type ImageObject,
  type ImageRequest,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  type ResponseInfo,
  ResponseValidationError,
  UnprocessableEntityError,
  type WithResponse,
} from "@ideokit/core";
export type { IdeogramClient } from "./client.ts";
export type { RequestOptions } from "./client-options.ts";
export { type FetchImageOptions, fetchImage } from "./fetch-image.ts";
export { type ImageObjectURL, imageObjectURL } from "./image-object-url.ts";
export { DEFAULT_BROWSER_BASE_URL } from "./resolve-client-options.ts";
