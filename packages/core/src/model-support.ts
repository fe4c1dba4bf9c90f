import type { Model } from "./enums.ts";

/** Request fields that only some models accept. */
export type ModelDependentField = "resolution" | "style_type" | "negative_prompt" | "color_palette";

/** The model the service uses when a request names none. */
export const DEFAULT_MODEL = "V_2" satisfies Model;

const SUPPORTED_BY: Record<ModelDependentField, readonly Model[]> = {
  resolution: ["V_2", "V_2_TURBO"],
  style_type: ["V_2", "V_2_TURBO", "V_2A", "V_2A_TURBO", "V_3", "AUTO"],
  negative_prompt: ["V_1", "V_1_TURBO", "V_2", "V_2_TURBO", "AUTO"],
  color_palette: ["V_2", "V_2_TURBO", "V_3", "AUTO"],
};

/** Models that accept `field` (e.g. to disable a form control). */
export function modelsSupporting(field: ModelDependentField): readonly Model[] {
  return SUPPORTED_BY[field];
}

/** Whether `model` (default {@link DEFAULT_MODEL}) accepts `field`. */
export function modelSupports(model: Model | undefined, field: ModelDependentField): boolean {
  return SUPPORTED_BY[field].includes(model ?? DEFAULT_MODEL);
}
