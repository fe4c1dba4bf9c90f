/** Every Ideogram image model this provider serves, in the order of their families. */
export const IDEOGRAM_IMAGE_MODEL_IDS = ["V_1", "V_1_TURBO", "V_2", "V_2_TURBO", "V_3", "V_4"] as const;

/** An Ideogram model id: `V_1`, `V_1_TURBO`, `V_2`, `V_2_TURBO` (legacy `/generate`) `V_3` (`/v1/ideogram-v3/…`) or `V_4` (`/v1/ideogram-v4/generate`). */
export type IdeogramImageModelId = (typeof IDEOGRAM_IMAGE_MODEL_IDS)[number];

/** The legacy models, all served by `POST /generate` with `image_request.model`. */
export type IdeogramLegacyModelId = "V_1" | "V_1_TURBO" | "V_2" | "V_2_TURBO";

/** Whether `id` is one of {@link IDEOGRAM_IMAGE_MODEL_IDS}. */
export function isIdeogramImageModelId(id: string): id is IdeogramImageModelId {
  return (IDEOGRAM_IMAGE_MODEL_IDS as readonly string[]).includes(id);
}
