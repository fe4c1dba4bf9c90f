import { generateOperation, NUM_IMAGES_MAX, v3GenerateOperation } from "@ideokit/core";
import type { ImagesOperation, ModelFamily } from "./model-family.ts";
import type { IdeogramImageModelId } from "./model-ids.ts";

const NUMBERS = /^\s*(\d+)\s*[:x]\s*(\d+)\s*$/;

// The wire spellings are formed, not looked up: core's check then names a value the model does not
// offer, with its "did you mean" hint, exactly as for any other field.
function spelled(text: string, format: (width: string, height: string) => string): string {
  const match = NUMBERS.exec(text);
  return match ? format(match[1]!, match[2]!) : text;
}

const asImages = (operation: unknown) => operation as ImagesOperation;

function legacy(model: string): ModelFamily {
  return {
    generate: asImages(generateOperation),
    maxImagesPerCall: NUM_IMAGES_MAX,
    fixed: { model },
    aspectRatio: (ratio) => spelled(ratio, (width, height) => `ASPECT_${width}_${height}`),
    resolution: (size) => spelled(size, (width, height) => `RESOLUTION_${width}_${height}`),
  };
}

const V3: ModelFamily = {
  generate: asImages(v3GenerateOperation),
  maxImagesPerCall: NUM_IMAGES_MAX,
  fixed: {},
  aspectRatio: (ratio) => spelled(ratio, (width, height) => `${width}x${height}`),
  resolution: (size) => spelled(size, (width, height) => `${width}x${height}`),
};

/** The family serving each model id. */
export function familyOf(modelId: IdeogramImageModelId): ModelFamily {
  return modelId === "V_3" ? V3 : legacy(modelId);
}
