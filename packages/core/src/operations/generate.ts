import { DEFAULT_MODEL } from "../model-support.ts";
import { defineOperation } from "../table/define.ts";
import { jsonBody } from "../table/encode.ts";
import { IMAGES } from "../table/responses.ts";
import { imageRequestFields, prompt } from "./legacy-fields.ts";

/** `POST /generate` (legacy, the reseller's one documented endpoint): JSON `{ image_request }`. */
export const generateOperation = /* @__PURE__ */ defineOperation(() => ({
  id: "generate",
  path: "/generate",
  summary: "Generate images from a prompt (legacy models V_1 to V_3).",
  fields: {
    prompt: prompt("describe the image to generate", "The prompt to generate the image from."),
    ...imageRequestFields(),
  },
  rules: { exclusive: [["aspect_ratio", "resolution"]], model: { field: "model", default: DEFAULT_MODEL } },
  envelope: "image_request",
  encode: jsonBody,
  response: IMAGES,
}));
