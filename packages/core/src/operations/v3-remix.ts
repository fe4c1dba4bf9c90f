import { checkFileRules } from "../files/rules.ts";
import { checkMoreRules } from "../table/check.ts";
import { defineOperation } from "../table/define.ts";
import { formBody } from "../table/encode.ts";
import { IMAGES } from "../table/responses.ts";
import { imageFile, imageWeight, prompt } from "./legacy-fields.ts";
import {
  V3_CHARACTER_MASK_COUNT,
  V3_STYLE_CODE_EXCLUSIONS,
  v3GenerationFields,
  v3ReferenceFields,
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
    ...v3GenerationFields(),
    ...v3ReferenceFields(),
  },
  rules: {
    exclusive: [["aspect_ratio", "resolution"], ...V3_STYLE_CODE_EXCLUSIONS],
    sameCount: V3_CHARACTER_MASK_COUNT,
  },
  encode: formBody,
  response: IMAGES,
  checkFiles: checkFileRules,
  moreRules: checkMoreRules,
}));
