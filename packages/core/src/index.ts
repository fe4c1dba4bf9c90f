export {
  type AuthScheme,
  type BuildGenerateRequestOptions,
  buildGenerateRequest,
  DEFAULT_BASE_URL,
  defaultAuthFor,
  type Endpoint,
  type GenerateHttpRequest,
  generateUrl,
  IDEOGRAM_OFFICIAL,
  KKIAI,
} from "./build.ts";
export {
  AUTH_SCHEMES,
  type CallSettings,
  ClientOptionError,
  type ClientOptionsBase,
  checkClientOptions,
  checkRequestOptions,
  type RequestOptions,
  resolveBaseURL,
  resolveCallSettings,
} from "./client-options.ts";
export { IMAGE_CONTENT_TYPES, isImageContentType, type MimeType, parseMimeType } from "./content-type.ts";
export {
  aspectRatioValue,
  parseResolution,
  resolutionSize,
  type Size,
  toAspectRatio,
  toResolution,
} from "./dimensions.ts";
export {
  ASPECT_RATIOS,
  ASPECT_RATIOS_V3,
  type AspectRatio,
  type AspectRatioV3,
  COLOR_PALETTE_PRESETS,
  type ColorPalettePreset,
  DESCRIBE_MODEL_VERSIONS,
  type DescribeModelVersion,
  MAGIC_PROMPT_OPTIONS,
  MAGIC_PROMPT_VERSIONS,
  type MagicPromptOption,
  type MagicPromptVersion,
  MODELS,
  type Model,
  RENDERING_SPEEDS,
  RESOLUTIONS,
  RESOLUTIONS_V3,
  type RenderingSpeed,
  type Resolution,
  type ResolutionV3,
  STYLE_PRESETS,
  STYLE_TYPES,
  STYLE_TYPES_V3,
  type StylePreset,
  type StyleType,
  type StyleTypeV3,
  UPSCALE_FACTORS,
  type UpscaleFactor,
} from "./enums.ts";
export { errorFromResponse } from "./error-from-response.ts";
export {
  APIConnectionError,
  APIError,
  type APIErrorInit,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  type ConnectionErrorInit,
  errorDetail,
  IdeogramError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestValidationError,
  ResponseValidationError,
  UnprocessableEntityError,
} from "./errors.ts";
export {
  COLOR_PALETTE_FIELDS,
  COLOR_PALETTE_MEMBER_FIELDS,
  GENERATE_REQUEST_FIELDS,
  IMAGE_REQUEST_FIELDS,
  type ImageRequestField,
} from "./fields.ts";
export {
  extensionOf,
  type FileFormat,
  formatOfMime,
  mimeOf,
  SNIFF_BYTES,
  sniffFileType,
} from "./files/formats.ts";
export { readImageSize } from "./files/image-size.ts";
export { type FileInput, isFileInput, type NamedFileInput, toBlobPart } from "./files/input.ts";
export {
  FONT_FORMATS,
  IMAGE_FORMATS,
  MAX_CHARACTER_REFERENCE_IMAGES,
  MAX_FONT_BYTES,
  MAX_IMAGE_BYTES,
  MAX_IMAGES_PER_FIELD,
  MAX_REFERENCE_IMAGES_TOTAL_BYTES,
} from "./files/limits.ts";
export { checkFileRules, type FileRule } from "./files/rules.ts";
export { type HeaderSource, headerValue, normalizeHeaders, requestIdOf } from "./headers.ts";
export { htmlErrorSummary } from "./html-error-page.ts";
export {
  assertImageContentType,
  downloadableImageUrl,
  ImageDownloadError,
  type ImageDownloadFailure,
  urlWithoutQuery,
} from "./image-download.ts";
export { imageUrlExpiresAt, isImageUrlExpired } from "./image-url.ts";
export { formatPath, type IssueCode, type ValidationIssue } from "./issues.ts";
export {
  COLOR_HEX_PATTERN,
  COLOR_WEIGHT_MAX,
  COLOR_WEIGHT_MIN,
  DEFAULT_NUM_IMAGES,
  NUM_IMAGES_MAX,
  NUM_IMAGES_MIN,
  PALETTE_MEMBERS_MAX,
  PALETTE_MEMBERS_MIN,
  SEED_MAX,
  SEED_MIN,
} from "./limits.ts";
export { DEFAULT_MODEL, type ModelDependentField, modelSupports, modelsSupporting } from "./model-support.ts";
export { type Namespaced, namespaced } from "./namespaced.ts";
export type {
  CheckOptions,
  HttpRequest,
  InputOf,
  Operation,
  OutputOf,
  RequestTarget,
  ResponseKind,
  SafeResult,
} from "./operation.ts";
export { OPERATIONS, type OperationId, operationById } from "./operations/all.ts";
export { describeOperation } from "./operations/describe.ts";
export { editOperation } from "./operations/edit.ts";
export { editImagesOperation } from "./operations/edit-images.ts";
export { generateOperation } from "./operations/generate.ts";
export { magicPromptOperation } from "./operations/magic-prompt.ts";
export { reframeOperation } from "./operations/reframe.ts";
export { remixOperation } from "./operations/remix.ts";
export { upscaleOperation } from "./operations/upscale.ts";
export { v3GenerateDesignOperation, v3GraphicOperation } from "./operations/v3-design.ts";
export { v3EditOperation, v3InpaintOperation } from "./operations/v3-edit.ts";
export { v3GenerateOperation } from "./operations/v3-generate.ts";
export { v3GenerateTransparentOperation } from "./operations/v3-generate-transparent.ts";
export { v3LayerizeDesignOperation, v3LayerizeTextOperation } from "./operations/v3-layerize.ts";
export { v3ReframeOperation } from "./operations/v3-reframe.ts";
export { v3RemixOperation } from "./operations/v3-remix.ts";
export { v3ReplaceBackgroundOperation } from "./operations/v3-replace-background.ts";
export { v3TryOnOperation } from "./operations/v3-try-on.ts";
export { v4GenerateOperation } from "./operations/v4-generate.ts";
export { parseGenerateResponse, parseGenerateResponseText, safeParseGenerateResponse } from "./parse.ts";
export {
  type BoundOperation,
  bindOperation,
  type PipelineConfig,
  pipeline,
  pipelineWithResponse,
} from "./pipeline.ts";
export { MIN_SECRET_LENGTH, redactSecrets } from "./redact.ts";
export {
  ColorPaletteMemberSchema,
  ColorPaletteSchema,
  type GenerateRequest,
  GenerateRequestSchema,
  type ImageRequest,
  ImageRequestSchema,
  LooseGenerateRequestSchema,
  LooseImageRequestSchema,
} from "./request-schema.ts";
export { type ResponseInfo, responseInfo, type WithResponse } from "./response-info.ts";
export {
  type GenerateResponse,
  GenerateResponseSchema,
  type ImageObject,
  ImageObjectSchema,
} from "./response-schema.ts";
export {
  DEFAULT_MAX_RETRIES,
  INITIAL_RETRY_DELAY_MS,
  isRetryableError,
  MAX_RETRY_AFTER_MS,
  MAX_RETRY_DELAY_MS,
  nextRetry,
  type RetryDecision,
  type RetryOptions,
  retryAfterMs,
  retryDelayMs,
} from "./retry.ts";
export type { AttemptEvent } from "./retry-loop.ts";
export { type Answer, type ReadAnswer, type SendSettings, sendWithRetries } from "./send.ts";
export type { TableOperation } from "./table/define.ts";
export { exampleInput } from "./table/example.ts";
export { exampleFont, examplePng } from "./table/example-files.ts";
export type { Field, FieldKind, Fields, FileLimits } from "./table/field.ts";
export type { ColorPalette, ColorPaletteMember } from "./table/palette-types.ts";
export type { Exclusion, Rules } from "./table/rules.ts";
export {
  type BodyKind,
  bodyKindsOf,
  inputFromForm,
  inputFromJson,
  type WireInput,
  type WireShape,
} from "./table/wire-input.ts";
export { inputSchema, outputSchema } from "./table/zod.ts";
export { DEFAULT_TIMEOUT_MS } from "./timeout.ts";
export type { SendOptions, Transport, TransportRequest, TransportResponse } from "./transport.ts";
export {
  imageRequestValidator,
  safeValidateGenerateRequest,
  safeValidateImageRequest,
  type ValidateMode,
  type ValidateOptions,
  validateGenerateRequest,
  validateImageRequest,
} from "./validate.ts";
