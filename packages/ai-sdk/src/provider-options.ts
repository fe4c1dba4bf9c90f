import type { ImageRequest, InputOf, v3GenerateOperation } from "@ideokit/core";
import type { IdeogramImageModelId, IdeogramLegacyModelId } from "./model-ids.ts";

/** Wire fields that `generateImage`'s own arguments (`prompt`, `n`, `aspectRatio`, `size`, `seed`) and the model id set. */
export type IdeogramCallField = "prompt" | "model" | "num_images" | "aspect_ratio" | "resolution" | "seed";

// Distributes over core's unions (exclusive fields), which a plain Omit would collapse.
type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** `providerOptions.ideogram` of the legacy models: `image_request`'s other fields, as core types them. */
export type IdeogramLegacyImageOptions = Omit<ImageRequest, IdeogramCallField>;

/** `providerOptions.ideogram` of `V_3`: the other fields of core's `v3GenerateOperation` (style codes, rendering speed, references…). */
export type IdeogramV3ImageOptions = Without<InputOf<typeof v3GenerateOperation>, IdeogramCallField>;

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
