import {
  editOperation,
  generateOperation,
  NUM_IMAGES_MAX,
  remixOperation,
  v3EditOperation,
  v3GenerateOperation,
  v3RemixOperation,
  v4GenerateOperation,
} from "@ideokit/core";
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
    edit: { operation: asImages(editOperation), imageField: "image_file", maskField: "mask" },
    remix: { operation: asImages(remixOperation), imageField: "image_file" },
    maxImagesPerCall: NUM_IMAGES_MAX,
    fixed: { model },
    aspectRatio: (ratio) => spelled(ratio, (width, height) => `ASPECT_${width}_${height}`),
    resolution: (size) => spelled(size, (width, height) => `RESOLUTION_${width}_${height}`),
  };
}

const V3: ModelFamily = {
  generate: asImages(v3GenerateOperation),
  edit: { operation: asImages(v3EditOperation), imageField: "image", maskField: "mask" },
  remix: { operation: asImages(v3RemixOperation), imageField: "image" },
  maxImagesPerCall: NUM_IMAGES_MAX,
  fixed: {},
  aspectRatio: (ratio) => spelled(ratio, (width, height) => `${width}x${height}`),
  resolution: (size) => spelled(size, (width, height) => `${width}x${height}`),
};

// Ideogram 4.0 has only generate, with neither num_images, aspect ratio nor resolution: one image
// per request (the AI SDK makes n requests) and warnings for aspectRatio and size.
const V4: ModelFamily = {
  generate: asImages(v4GenerateOperation),
  maxImagesPerCall: 1,
  fixed: {},
  aspectRatio: (ratio) => ratio,
  resolution: (size) => size,
};

/** The family serving each model id. */
export function familyOf(modelId: IdeogramImageModelId): ModelFamily {
  if (modelId === "V_3") return V3;
  if (modelId === "V_4") return V4;
  return legacy(modelId);
}
