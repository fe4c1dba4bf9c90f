import type { ResponseSpec, Shape } from "./shape.ts";

// One shape per response kind in the spec. Only what a caller relies on is checked strictly; the
// service is looser than its spec (prompt, resolution and seed are sometimes absent).

// Each prop is its own constant so the layered shape can reuse them without a spread, which
// bundlers treat as a side effect (and would then keep every shape in every bundle).
const URL = { kind: "nullable-string", what: "a URL string or null" } as const;
const PROMPT = { kind: "string", what: "a string" } as const;
const RESOLUTION = { kind: "string", what: 'a resolution like "1024x1024"' } as const;
const UPSCALED_RESOLUTION = { kind: "string", what: 'a resolution like "4096x4096"' } as const;
const SEED = { kind: "number", what: "a number" } as const;
const IS_IMAGE_SAFE = { kind: "boolean", what: "a boolean" } as const;
const STYLE_TYPE = { kind: "nullable-string", what: "a style type or null" } as const;

const IMAGE_PROPS = {
  url: URL,
  prompt: PROMPT,
  resolution: RESOLUTION,
  upscaled_resolution: UPSCALED_RESOLUTION,
  seed: SEED,
  is_image_safe: IS_IMAGE_SAFE,
  style_type: STYLE_TYPE,
} as const;

/** One generated image (`ImageObject` / `ImageGenerationObjectV3` in the spec). */
export const IMAGE_OBJECT = {
  what: "an image object",
  props: IMAGE_PROPS,
  safeImageUrl: true,
} as const satisfies Shape;

/** The body of the image operations: `{ created, data: [image…] }`. */
export const IMAGES_SHAPE = {
  what: "a JSON object",
  props: {
    created: { kind: "string", what: "a date-time string", required: true },
    data: { kind: "list", what: "an array of images", required: true, items: IMAGE_OBJECT },
  },
} as const satisfies Shape;

/** `{ created, data: [image…] }`: generate, edit, remix, reframe, upscale and the 3.0 image operations. */
export const IMAGES = { kind: "images", shape: IMAGES_SHAPE } as const satisfies ResponseSpec;

/** An image with its text and image layers (generate-design, graphic, layerize-design). */
export const LAYERED_IMAGE_OBJECT = {
  what: "a layered image object",
  props: {
    url: URL,
    prompt: PROMPT,
    resolution: RESOLUTION,
    upscaled_resolution: UPSCALED_RESOLUTION,
    seed: SEED,
    is_image_safe: IS_IMAGE_SAFE,
    style_type: STYLE_TYPE,
    text_containers: { kind: "nullable-list", what: "an array of text containers or null" },
    text_html: { kind: "nullable-string", what: "an HTML string or null" },
    image_layers: { kind: "nullable-list", what: "an array of image layers" },
  },
  safeImageUrl: true,
} as const satisfies Shape;

/** `{ created, data: [layered image…] }`. */
export const LAYERED_IMAGES = {
  kind: "layered-images",
  shape: {
    what: "a JSON object",
    props: {
      created: { kind: "string", what: "a date-time string", required: true },
      data: { kind: "list", what: "an array of images", required: true, items: LAYERED_IMAGE_OBJECT },
    },
  },
} as const satisfies ResponseSpec;

const TEXT_BLOCK = {
  what: "a text block",
  props: {
    x: { kind: "number", what: "a number", required: true },
    y: { kind: "number", what: "a number", required: true },
    width: { kind: "number", what: "a number", required: true },
    height: { kind: "number", what: "a number", required: true },
    text: { kind: "string", what: "a string", required: true },
  },
} as const satisfies Shape;

/** layerize-text: `{ base_image_url, text_blocks, seed }`. */
export const LAYERIZE = {
  kind: "layerize",
  shape: {
    what: "a JSON object",
    props: {
      base_image_url: { kind: "string", what: "a URL string", required: true },
      original_image_url: { kind: "nullable-string", what: "a URL string or null" },
      text_blocks: { kind: "list", what: "an array of text blocks", required: true, items: TEXT_BLOCK },
      seed: { kind: "number", what: "a number", required: true },
    },
  },
} as const satisfies ResponseSpec;

/** describe: `{ descriptions: [{ text }] }`. */
export const DESCRIPTIONS = {
  kind: "descriptions",
  shape: {
    what: "a JSON object",
    props: {
      descriptions: {
        kind: "list",
        what: "an array of descriptions",
        items: {
          what: "a description object",
          props: { text: { kind: "string", what: "a string", required: true } },
        },
      },
    },
  },
} as const satisfies ResponseSpec;

/** magic-prompt: `{ magic_prompt }`. */
export const MAGIC_PROMPT = {
  kind: "magic-prompt",
  shape: {
    what: "a JSON object",
    props: { magic_prompt: { kind: "string", what: "a string", required: true } },
  },
} as const satisfies ResponseSpec;
