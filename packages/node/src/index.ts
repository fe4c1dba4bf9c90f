export {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  type AuthScheme,
  BadRequestError,
  ConflictError,
  type GenerateResponse,
  IDEOGRAM_OFFICIAL,
  IdeogramError,
  type ImageObject,
  type ImageRequest,
  InternalServerError,
  KKIAI,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestValidationError,
  ResponseValidationError,
  UnprocessableEntityError,
} from "@ideokit/core";
export { Ideogram } from "./client.ts";
export {
  type ClientOptions,
  DEFAULT_TIMEOUT_MS,
  MissingAPIKeyError,
  type ValidateMode,
} from "./client-options.ts";
export type { RequestOptions, ResponseInfo, WithResponse } from "./generate.ts";
export {
  type GenerateAndSaveOptions,
  type GenerateAndSaveResult,
  generateAndSave,
} from "./generate-and-save.ts";
export { ImageDownloadError, type ImageDownloadFailure } from "./image-download-error.ts";
export type { DownloadOptions } from "./open-image.ts";
export type { SavedImage, SaveImagesOptions, SaveImagesResult, SkippedImage } from "./save-images.ts";
