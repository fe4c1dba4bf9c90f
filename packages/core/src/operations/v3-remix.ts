import { checkFileRules } from "../files/rules.ts";
import { defineOperation } from "../table/define.ts";
import { formBody } from "../table/encode.ts";
import { IMAGES } from "../table/responses.ts";
import { colorPalette, imageFile, imageWeight, numImages, prompt, seed } from "./legacy-fields.ts";
import {
  aspectRatioV3,
  characterReferenceImages,
  characterReferenceMasks,
  customModelUri,
  magicPrompt,
  negativePromptV3,
  renderingSpeed,
  resolutionV3,
  styleCodes,
  stylePreset,
  styleReferenceImages,
  styleTypeV3,
} from "./v3-fields.ts";

/** `POST /v1/ideogram-v3/remix`: an image remixed with a prompt, as multipart. */
export const v3RemixOperation = /* @__PURE__ */ defineOperation(() => ({
  id: "v3.remix",
  path: "/v1/ideogram-v3/remix",
  summary: "Remix an image with a prompt with Ideogram 3.0.",
  fields: {
    image: imageFile("The image to remix (PNG, JPEG or WebP, at most 10 MB)."),
    prompt: prompt("describe the remixed image", "The prompt to remix the image with."),
    image_weight: imageWeight(),
    seed: seed(),
    resolution: resolutionV3(),
    aspect_ratio: aspectRatioV3(),
    rendering_speed: renderingSpeed(),
    magic_prompt: magicPrompt(),
    negative_prompt: negativePromptV3(),
    num_images: numImages(),
    color_palette: colorPalette(),
    style_codes: styleCodes(),
    style_type: styleTypeV3(),
    style_preset: stylePreset(),
    custom_model_uri: customModelUri(),
    style_reference_images: styleReferenceImages(),
    character_reference_images: characterReferenceImages(),
    character_reference_images_mask: characterReferenceMasks(),
  },
  rules: {
    exclusive: [
      ["aspect_ratio", "resolution"],
      ["style_reference_images", "style_codes"],
      ["style_type", "style_codes"],
    ],
    sameCount: [["character_reference_images_mask", "character_reference_images"]],
  },
  encode: formBody,
  response: IMAGES,
  checkFiles: checkFileRules,
}));
