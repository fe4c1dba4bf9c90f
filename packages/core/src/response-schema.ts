import {
  array,
  boolean,
  looseObject,
  nullable,
  number,
  optional,
  type output,
  string,
  superRefine,
} from "zod/mini";
import { IMAGE_OBJECT_FIELD_KINDS, isMissingSafeUrl, MISSING_SAFE_URL_MESSAGE } from "./check-response.ts";
import { expectedMessage } from "./messages.ts";

// Declarative twin of check-response.ts; factories under pure annotations keep zod out of
// bundles that only call parseGenerateResponse.

function expected(field: string) {
  const description = IMAGE_OBJECT_FIELD_KINDS[field]?.[1] ?? field;
  return { error: (issue: { input?: unknown }) => expectedMessage(description, issue.input) };
}

function expecting(description: string) {
  return { error: (issue: { input?: unknown }) => expectedMessage(description, issue.input) };
}

function createImageObjectSchema() {
  return looseObject(
    {
      url: optional(nullable(string(expected("url")))),
      prompt: optional(string(expected("prompt"))),
      resolution: optional(string(expected("resolution"))),
      upscaled_resolution: optional(string(expected("upscaled_resolution"))),
      seed: optional(number(expected("seed"))),
      is_image_safe: optional(boolean(expected("is_image_safe"))),
      style_type: optional(nullable(string(expected("style_type")))),
    },
    expecting("an image object"),
  ).check(
    superRefine((image, context) => {
      if (isMissingSafeUrl(image)) {
        context.addIssue({
          code: "custom",
          path: ["url"],
          message: MISSING_SAFE_URL_MESSAGE,
          input: image.url,
        });
      }
    }),
  );
}

/**
 * One generated image. Lenient like the service: `url` null/absent for unsafe images,
 * `style_type` null, optional `upscaled_resolution`, unknown fields kept.
 */
export const ImageObjectSchema = /* @__PURE__ */ createImageObjectSchema();

function createGenerateResponseSchema(image: typeof ImageObjectSchema) {
  return looseObject(
    { created: string(expecting("a date-time string")), data: array(image, expecting("an array of images")) },
    expecting("a JSON object"),
  );
}

/** The `/generate` 200 body: `{ created, data: ImageObject[] }`, unknown fields kept. */
export const GenerateResponseSchema = /* @__PURE__ */ createGenerateResponseSchema(ImageObjectSchema);

/** One generated image. */
export type ImageObject = output<typeof ImageObjectSchema>;
/** A parsed `/generate` response. */
export type GenerateResponse = output<typeof GenerateResponseSchema>;
