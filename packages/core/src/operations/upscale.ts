import { checkFileRules } from "../files/rules.ts";
import { defineOperation } from "../table/define.ts";
import { formBody } from "../table/encode.ts";
import { integer } from "../table/field.ts";
import { IMAGES } from "../table/responses.ts";
import {
  imageFile,
  magicPromptOption,
  magicPromptVersion,
  numImages,
  optionalPrompt,
  seed,
} from "./legacy-fields.ts";

/** `POST /upscale`: multipart with an `image_request` JSON part (sent even when empty) and the `image_file`. */
export const upscaleOperation = /* @__PURE__ */ defineOperation(() => ({
  id: "upscale",
  path: "/upscale",
  summary: "Upscale an image, optionally guided by a prompt.",
  fields: {
    prompt: optionalPrompt("What the upscaled image shows."),
    resemblance: integer(1, 100, {
      description: "How close to the original (1 to 100).",
      example: 60,
      default: 50,
    }),
    detail: integer(1, 100, { description: "How much detail to add (1 to 100).", example: 60, default: 50 }),
    magic_prompt_option: magicPromptOption(),
    magic_prompt_version: magicPromptVersion(),
    num_images: numImages(),
    seed: seed(),
    image_file: imageFile("The image to upscale (PNG, JPEG or WebP, at most 10 MB)."),
  },
  envelope: "image_request",
  encode: formBody,
  response: IMAGES,
  checkFiles: checkFileRules,
}));
