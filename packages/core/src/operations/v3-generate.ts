import { checkFileRules } from "../files/rules.ts";
import { checkMoreRules } from "../table/check.ts";
import { defineOperation } from "../table/define.ts";
import { jsonUnlessFiles } from "../table/encode.ts";
import { IMAGES } from "../table/responses.ts";
import { prompt } from "./legacy-fields.ts";
import {
  V3_CHARACTER_MASK_COUNT,
  V3_STYLE_CODE_EXCLUSIONS,
  v3GenerationFields,
  v3ReferenceFields,
} from "./v3-fields.ts";

/** `POST /v1/ideogram-v3/generate`: JSON, or multipart when reference images are given. */
export const v3GenerateOperation = /* @__PURE__ */ defineOperation(() => ({
  id: "v3.generate",
  path: "/v1/ideogram-v3/generate",
  summary: "Generate images from a prompt with Ideogram 3.0.",
  fields: {
    prompt: prompt("describe the image to generate", "The prompt to generate the image from."),
    ...v3GenerationFields(),
    ...v3ReferenceFields(),
  },
  rules: {
    exclusive: [["aspect_ratio", "resolution"], ...V3_STYLE_CODE_EXCLUSIONS],
    sameCount: V3_CHARACTER_MASK_COUNT,
  },
  encode: jsonUnlessFiles,
  response: IMAGES,
  checkFiles: checkFileRules,
  moreRules: checkMoreRules,
}));
