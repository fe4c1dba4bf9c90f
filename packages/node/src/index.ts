export * from "@ideokit/core";
export { Ideogram } from "./client.ts";
export { type ClientOptions, MissingAPIKeyError } from "./client-options.ts";
export {
  type GenerateAndSaveOptions,
  type GenerateAndSaveResult,
  generateAndSave,
} from "./generate-and-save.ts";
export type { ImageSource } from "./image-source.ts";
export type { NodeInput } from "./node-input.ts";
export type { DownloadOptions } from "./open-image.ts";
export type { MethodsById, OperationMethod, OperationMethods } from "./operation-methods.ts";
export type {
  ImageAnswer,
  SavedImage,
  SaveImagesOptions,
  SaveImagesResult,
  SkippedImage,
} from "./save-images.ts";
export { type FailedImage, SaveImagesError } from "./save-images-error.ts";
