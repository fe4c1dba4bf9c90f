import type { ImageRequest } from "@ideokit/core";
import type { IdeogramImageModelId, IdeogramLegacyModelId } from "./model-ids.ts";

/** Wire fields that `generateImage`'s own arguments (`prompt`, `n`, `aspectRatio`, `size`, `seed`) and the model id set. */
export type IdeogramCallField = "prompt" | "model" | "num_images" | "aspect_ratio" | "resolution" | "seed";

/** `providerOptions.ideogram` of the legacy models: `image_request`'s other fields, as core types them. */
export type IdeogramLegacyImageOptions = Omit<ImageRequest, IdeogramCallField>;

/**
 * `providerOptions.ideogram` of model `M`, for `satisfies`:
 * `providerOptions: { ideogram: { style_type: "DESIGN" } satisfies IdeogramImageModelOptions<"V_2"> }`.
 */
export type IdeogramImageModelOptions<M extends IdeogramImageModelId = IdeogramImageModelId> =
  M extends IdeogramLegacyModelId ? IdeogramLegacyImageOptions : never;
