import { UPSCALE_FACTORS } from "../enums.ts";
import { defineOperation } from "../table/define.ts";
import { jsonBody } from "../table/encode.ts";
import { oneOf } from "../table/field.ts";
import { IMAGES } from "../table/responses.ts";
import { numImages, prompt, seed } from "./legacy-fields.ts";
import { aspectRatioV3, customModelUri, magicPrompt, negativePromptV3, renderingSpeed } from "./v3-fields.ts";

/** `POST /v1/ideogram-v3/generate-transparent`: images with a transparent background, as JSON. */
export const v3GenerateTransparentOperation = /* @__PURE__ */ defineOperation(() => ({
  id: "v3.generateTransparent",
  path: "/v1/ideogram-v3/generate-transparent",
  summary: "Generate images with a transparent background with Ideogram 3.0.",
  fields: {
    prompt: prompt("describe the image to generate", "The prompt to generate the image from."),
    seed: seed(),
    upscale_factor: oneOf(UPSCALE_FACTORS, "UPSCALE_FACTORS", {
      label: "upscale factor",
      description: "Upscale the result (X2 and X4 cost extra).",
      example: "X2",
      default: "X1",
    }),
    aspect_ratio: aspectRatioV3(),
    rendering_speed: renderingSpeed(),
    magic_prompt: magicPrompt(),
    negative_prompt: negativePromptV3(),
    num_images: numImages(),
    custom_model_uri: customModelUri(),
  },
  encode: jsonBody,
  response: IMAGES,
}));
