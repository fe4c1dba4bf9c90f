import { checkFileRules } from "../files/rules.ts";
import { checkMoreRules } from "../table/check.ts";
import { defineOperation } from "../table/define.ts";
import { formBody } from "../table/encode.ts";
import { IMAGES } from "../table/responses.ts";
import { colorPalette, imageFile, numImages, prompt, seed } from "./legacy-fields.ts";
import {
  customModelUri,
  magicPrompt,
  renderingSpeed,
  styleCodes,
  stylePreset,
  styleTypeV3,
  V3_CHARACTER_MASK_COUNT,
  V3_STYLE_CODE_EXCLUSIONS,
  v3ReferenceFields,
} from "./v3-fields.ts";

// /v1/ideogram-v3/edit and /v1/ideogram-v3/inpaint take the same body (EditImageRequestV3).
const editFields = () => ({
  image: imageFile("The image to edit (PNG, JPEG or WebP, at most 10 MB)."),
  mask: imageFile("A black-and-white mask of the image's size; black is edited.", "image"),
  prompt: prompt("describe the edited result", "What the edited result shows."),
  magic_prompt: magicPrompt(),
  num_images: numImages(),
  seed: seed(),
  rendering_speed: renderingSpeed(),
  style_type: styleTypeV3(),
  style_preset: stylePreset(),
  custom_model_uri: customModelUri(),
  color_palette: colorPalette(),
  style_codes: styleCodes(),
  ...v3ReferenceFields(),
});

const editRules = {
  exclusive: V3_STYLE_CODE_EXCLUSIONS,
  sameCount: V3_CHARACTER_MASK_COUNT,
} as const;

/** `POST /v1/ideogram-v3/edit`: the masked part of an image edited from a prompt, as multipart. */
export const v3EditOperation = /* @__PURE__ */ defineOperation(() => ({
  id: "v3.edit",
  path: "/v1/ideogram-v3/edit",
  summary: "Edit the masked part of an image from a prompt with Ideogram 3.0.",
  fields: editFields(),
  rules: editRules,
  encode: formBody,
  response: IMAGES,
  checkFiles: checkFileRules,
  moreRules: checkMoreRules,
}));

/** `POST /v1/ideogram-v3/inpaint`: like {@link v3EditOperation}, at its own path. */
export const v3InpaintOperation = /* @__PURE__ */ defineOperation(() => ({
  id: "v3.inpaint",
  path: "/v1/ideogram-v3/inpaint",
  summary: "Inpaint the masked part of an image from a prompt with Ideogram 3.0.",
  fields: editFields(),
  rules: editRules,
  encode: formBody,
  response: IMAGES,
  checkFiles: checkFileRules,
  moreRules: checkMoreRules,
}));
