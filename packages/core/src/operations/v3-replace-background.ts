import { checkFileRules } from "../files/rules.ts";
import { defineOperation } from "../table/define.ts";
import { formBody } from "../table/encode.ts";
import { IMAGES } from "../table/responses.ts";
import { imageFile, prompt } from "./legacy-fields.ts";
import { magicPrompt, V3_STYLE_REFERENCE_EXCLUSION, v3RestyleFields } from "./v3-fields.ts";

/** `POST /v1/ideogram-v3/replace-background`: the subject kept, the background drawn from a prompt. */
export const v3ReplaceBackgroundOperation = /* @__PURE__ */ defineOperation(() => ({
  id: "v3.replaceBackground",
  path: "/v1/ideogram-v3/replace-background",
  summary: "Replace an image's background from a prompt with Ideogram 3.0.",
  fields: {
    image: imageFile("The image whose background to replace (PNG, JPEG or WebP, at most 10 MB)."),
    prompt: prompt("describe the new background", "The background to draw."),
    magic_prompt: magicPrompt(),
    ...v3RestyleFields(),
  },
  rules: { exclusive: V3_STYLE_REFERENCE_EXCLUSION },
  encode: formBody,
  response: IMAGES,
  checkFiles: checkFileRules,
}));
