import { checkFileRules } from "../files/rules.ts";
import { defineOperation } from "../table/define.ts";
import { formBody } from "../table/encode.ts";
import { IMAGES } from "../table/responses.ts";
import { imageFile, model, numImages, resolution, seed, styleType } from "./legacy-fields.ts";

/** `POST /reframe` (legacy): a square image extended to a resolution, as multipart. */
export const reframeOperation = /* @__PURE__ */ defineOperation(() => ({
  id: "reframe",
  path: "/reframe",
  summary: "Reframe a square image to a chosen resolution (legacy).",
  fields: {
    image_file: imageFile("The square image to reframe (PNG, JPEG or WebP, at most 10 MB)."),
    resolution: resolution(true),
    model: model(true),
    num_images: numImages(),
    seed: seed(),
    style_type: styleType(),
  },
  encode: formBody,
  response: IMAGES,
  checkFiles: checkFileRules,
}));
