import type {
  editOperation,
  generateOperation,
  InputOf,
  remixOperation,
  v3EditOperation,
  v3GenerateOperation,
  v3RemixOperation,
  v4GenerateOperation,
} from "@ideokit/core";
import type { IdeogramImageModelId, IdeogramLegacyModelId } from "./model-ids.ts";

/** Wire fields that `generateImage`'s own arguments (`prompt`, `n`, `aspectRatio`, `size`, `seed`) and the model id set. */
export type IdeogramCallField = "prompt" | "model" | "num_images" | "aspect_ratio" | "resolution" | "seed";

// Distributes over core's unions (exclusive fields), which a plain Omit would collapse.
type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Wire fields that `prompt.images` / `prompt.mask` fill on the editing endpoints. */
export type IdeogramFileField = "image" | "image_file" | "mask";

/**
 * `providerOptions.ideogram` of the legacy models: the other fields of core's `generateOperation`
 * (`image_request`), or of `editOperation` / `remixOperation` when editing (`image_weight` on a remix).
 */
export type IdeogramLegacyImageOptions = Without<
  InputOf<typeof generateOperation> | InputOf<typeof editOperation> | InputOf<typeof remixOperation>,
  IdeogramCallField | IdeogramFileField
>;

/**
 * `providerOptions.ideogram` of `V_3`: the other fields of core's `v3GenerateOperation` (style codes,
 * rendering speed, references…), or of `v3EditOperation` / `v3RemixOperation` when editing
 * (`image_weight` on a remix).
 */
export type IdeogramV3ImageOptions = Without<
  InputOf<typeof v3GenerateOperation> | InputOf<typeof v3EditOperation> | InputOf<typeof v3RemixOperation>,
  IdeogramCallField | IdeogramFileField
>;

/** `providerOptions.ideogram` of `V_4`: `magic_prompt_option` and `custom_model_uri` of core's `v4GenerateOperation`. */
export type IdeogramV4ImageOptions = Without<InputOf<typeof v4GenerateOperation>, IdeogramCallField>;

/**
 * `providerOptions.ideogram` of model `M`, for `satisfies`:
 * `providerOptions: { ideogram: { style_type: "DESIGN" } satisfies IdeogramImageModelOptions<"V_2"> }`.
 */
export type IdeogramImageModelOptions<M extends IdeogramImageModelId = IdeogramImageModelId> =
  M extends IdeogramLegacyModelId
    ? IdeogramLegacyImageOptions
    : M extends "V_3"
      ? IdeogramV3ImageOptions
      : never;
