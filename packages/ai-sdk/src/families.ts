import { legacyGenerateOperation } from "./legacy-generate-operation.ts";
import type { ImagesOperation, ModelFamily } from "./model-family.ts";
import type { IdeogramImageModelId } from "./model-ids.ts";

const NUMBERS = /^\s*(\d+)\s*[:x]\s*(\d+)\s*$/;

// The wire spellings are formed, not looked up: core's check then names a value the model does not
// offer, with its "did you mean" hint, exactly as for any other field.
function spelled(text: string, format: (width: string, height: string) => string): string {
  const match = NUMBERS.exec(text);
  return match ? format(match[1]!, match[2]!) : text;
}

function legacy(model: string): ModelFamily {
  return {
    generate: legacyGenerateOperation as unknown as ImagesOperation,
    fixed: { model },
    aspectRatio: (ratio) => spelled(ratio, (width, height) => `ASPECT_${width}_${height}`),
    resolution: (size) => spelled(size, (width, height) => `RESOLUTION_${width}_${height}`),
  };
}

/** The family serving each model id. */
export function familyOf(modelId: IdeogramImageModelId): ModelFamily {
  return legacy(modelId);
}
