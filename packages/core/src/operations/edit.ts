import { checkFileRules } from "../files/rules.ts";
import { checkMoreRules } from "../table/check.ts";
import { defineOperation } from "../table/define.ts";
import { formBody } from "../table/encode.ts";
import { IMAGES } from "../table/responses.ts";
import { imageFile, magicPromptOption, model, numImages, prompt, seed, styleType } from "./legacy-fields.ts";

/** `POST /edit` (legacy): an image, a mask of its size and a prompt, as multipart. */
export const editOperation = /* @__PURE__ */ defineOperation(() => ({
  id: "edit",
  path: "/edit",
  summary: "Edit the masked part of an image from a prompt (legacy; V_2 and V_2_TURBO).",
  fields: {
    image_file: imageFile("The image to edit (PNG, JPEG or WebP, at most 10 MB)."),
    mask: imageFile("A black-and-white mask of the image's size; black is edited.", "image_file"),
    prompt: prompt("describe the edited result", "What the edited result shows."),
    model: model(true),
    magic_prompt_option: magicPromptOption(),
    num_images: numImages(),
    seed: seed(),
    style_type: styleType(),
  },
  // The spec's ModelEnum: "/edit is only supported for V_2 and V_2_TURBO".
  rules: { model: { field: "model", default: "V_2", only: ["V_2", "V_2_TURBO"] } },
  encode: formBody,
  response: IMAGES,
  checkFiles: checkFileRules,
  moreRules: checkMoreRules,
}));
