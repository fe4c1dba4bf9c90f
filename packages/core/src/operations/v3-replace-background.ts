import { checkFileRules } from "../files/rules.ts";
import { defineOperation } from "../table/define.ts";
import { formBody } from "../table/encode.ts";
import { IMAGES } from "../table/responses.ts";
import { colorPalette, imageFile, numImages, prompt, seed } from "./legacy-fields.ts";
import { magicPrompt, renderingSpeed, styleCodes, stylePreset, styleReferenceImages } from "./v3-fields.ts";

/** `POST /v1/ideogram-v3/replace-background`: the subject kept, the background drawn from a prompt. */
export const v3ReplaceBackgroundOperation = /* @__PURE__ */ defineOperation(() => ({
  id: "v3.replaceBackground",
  path: "/v1/ideogram-v3/replace-background",
  summary: "Replace an image's background from a prompt with Ideogram 3.0.",
  fields: {
    image: imageFile("The image whose background to replace (PNG, JPEG or WebP, at most 10 MB)."),
    prompt: prompt("describe the new background", "The background to draw."),
    magic_prompt: magicPrompt(),
    num_images: numImages(),
    seed: seed(),
    rendering_speed: renderingSpeed(),
    style_preset: stylePreset(),
    color_palette: colorPalette(),
    style_codes: styleCodes(),
    style_reference_images: styleReferenceImages(),
  },
  rules: { exclusive: [["style_reference_images", "style_codes"]] },
  encode: formBody,
  response: IMAGES,
  checkFiles: checkFileRules,
}));
