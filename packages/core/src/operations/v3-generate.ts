import { checkFileRules } from "../files/rules.ts";
import { defineOperation } from "../table/define.ts";
import { jsonUnlessFiles } from "../table/encode.ts";
import { IMAGES } from "../table/responses.ts";
import { colorPalette, numImages, prompt, seed } from "./legacy-fields.ts";
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

/** `POST /v1/ideogram-v3/generate`: JSON, or multipart when reference images are given. */
export const v3GenerateOperation = /* @__PURE__ */ defineOperation(() => ({
  id: "v3.generate",
  path: "/v1/ideogram-v3/generate",
  summary: "Generate images from a prompt with Ideogram 3.0.",
  fields: {
    prompt: prompt("describe the image to generate", "The prompt to generate the image from."),
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
  encode: jsonUnlessFiles,
  response: IMAGES,
  checkFiles: checkFileRules,
}));
