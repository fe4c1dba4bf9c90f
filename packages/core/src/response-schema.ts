import type { ZodMiniType } from "zod/mini";
import { IMAGE_OBJECT, IMAGES_SHAPE } from "./table/responses.ts";
import type { OutputOfShape } from "./table/shape.ts";
import { shapeSchema } from "./table/zod.ts";

// zod/mini schemas of the legacy generate's response, derived from the table's `images` shape.

/**
 * One generated image. Lenient like the service: `url` null/absent for unsafe images,
 * `style_type` null, optional `upscaled_resolution`, unknown fields kept.
 */
export const ImageObjectSchema: ZodMiniType<ImageObject> = /* @__PURE__ */ shapeSchema(IMAGE_OBJECT);

/** The `/generate` 200 body: `{ created, data: ImageObject[] }`, unknown fields kept. */
export const GenerateResponseSchema: ZodMiniType<GenerateResponse> =
  /* @__PURE__ */ shapeSchema(IMAGES_SHAPE);

/** One generated image. */
export type ImageObject = OutputOfShape<typeof IMAGE_OBJECT>;
/** A parsed `/generate` response. */
export type GenerateResponse = OutputOfShape<typeof IMAGES_SHAPE>;
