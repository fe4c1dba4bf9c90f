import { checkFileRules } from "../files/rules.ts";
import { DEFAULT_MODEL } from "../model-support.ts";
import { defineOperation } from "../table/define.ts";
import { formBody } from "../table/encode.ts";
import { IMAGES } from "../table/responses.ts";
import { imageFile, imageRequestFields, imageWeight, prompt } from "./legacy-fields.ts";

/** `POST /remix` (legacy): multipart with an `image_request` JSON part and the `image_file`. */
export const remixOperation = /* @__PURE__ */ defineOperation(() => ({
  id: "remix",
  path: "/remix",
  summary: "Remix an image with a prompt (legacy models).",
  fields: {
    prompt: prompt("describe the remixed image", "The prompt to remix the image with."),
    ...imageRequestFields(),
    image_weight: imageWeight(),
    image_file: imageFile("The image to remix (PNG, JPEG or WebP, at most 10 MB)."),
  },
  rules: { exclusive: [["aspect_ratio", "resolution"]], model: { field: "model", default: DEFAULT_MODEL } },
  envelope: "image_request",
  encode: formBody,
  response: IMAGES,
  checkFiles: checkFileRules,
}));
