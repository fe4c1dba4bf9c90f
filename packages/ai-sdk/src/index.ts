export { PROVIDER_OPTIONS_KEY } from "./call-input.ts";
export {
  createIdeogram,
  type IdeogramProvider,
  type IdeogramProviderSettings,
  ideogram,
} from "./ideogram-provider.ts";
export type { IdeogramImageMetadata } from "./image-metadata.ts";
export {
  IDEOGRAM_IMAGE_MODEL_IDS,
  type IdeogramImageModelId,
  type IdeogramLegacyModelId,
} from "./model-ids.ts";
export type {
  IdeogramCallField,
  IdeogramFileField,
  IdeogramImageModelOptions,
  IdeogramLegacyImageOptions,
  IdeogramV3ImageOptions,
  IdeogramV4ImageOptions,
} from "./provider-options.ts";
