import { DESCRIBE_MODEL_VERSIONS } from "../enums.ts";
import { checkFileRules } from "../files/rules.ts";
import { defineOperation } from "../table/define.ts";
import { formBody } from "../table/encode.ts";
import { oneOf } from "../table/field.ts";
import { DESCRIPTIONS } from "../table/responses.ts";
import { imageFile } from "./legacy-fields.ts";

/** `POST /describe`: an image in, prompts describing it out. */
export const describeOperation = /* @__PURE__ */ defineOperation(() => ({
  id: "describe",
  path: "/describe",
  summary: "Describe an image as prompts.",
  fields: {
    image_file: imageFile("The image to describe (PNG, JPEG or WebP, at most 10 MB)."),
    describe_model_version: oneOf(DESCRIBE_MODEL_VERSIONS, "DESCRIBE_MODEL_VERSIONS", {
      label: "describe model version",
      description: "The model that describes the image.",
      example: "V_3",
      default: "V_3",
    }),
  },
  encode: formBody,
  response: DESCRIPTIONS,
  checkFiles: checkFileRules,
}));
