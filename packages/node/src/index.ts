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
  IDEOGRAM_OFFICIAL,
  IdeogramError,
  ImageDownloadError,
  type ImageDownloadFailure,
  type ImageObject,
  type ImageRequest,
  InternalServerError,
  KKIAI,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestValidationError,
  type ResponseInfo,
  ResponseValidationError,
  UnprocessableEntityError,
  type ValidateMode,
  type ValidateOptions,
  type ValidationIssue,
  validateImageRequest,
  type WithResponse,
} from "@ideokit/core";
export { Ideogram } from "./client.ts";
export { type ClientOptions, MissingAPIKeyError } from "./client-options.ts";
export type { RequestOptions } from "./generate.ts";
export {
  type GenerateAndSaveOptions,
  type GenerateAndSaveResult,
  generateAndSave,
} from "./generate-and-save.ts";
export type { DownloadOptions } from "./open-image.ts";
export type { SavedImage, SaveImagesOptions, SaveImagesResult, SkippedImage } from "./save-images.ts";
