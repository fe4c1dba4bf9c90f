import { checkFileRules } from "../files/rules.ts";
import { defineOperation } from "../table/define.ts";
import { formBody } from "../table/encode.ts";
import { IMAGES } from "../table/responses.ts";
import { imageFile } from "./legacy-fields.ts";
import { resolutionV3, V3_STYLE_REFERENCE_EXCLUSION, v3RestyleFields } from "./v3-fields.ts";

/** `POST /v1/ideogram-v3/reframe`: a square image extended to a resolution, as multipart. */
export const v3ReframeOperation = /* @__PURE__ */ defineOperation(() => ({
  id: "v3.reframe",
  path: "/v1/ideogram-v3/reframe",
  summary: "Reframe a square image to a chosen resolution with Ideogram 3.0.",
  fields: {
    image: imageFile("The square image to reframe (PNG, JPEG or WebP, at most 10 MB)."),
    resolution: resolutionV3(true),
    ...v3RestyleFields(),
  },
  rules: { exclusive: V3_STYLE_REFERENCE_EXCLUSION },
  encode: formBody,
  response: IMAGES,
  checkFiles: checkFileRules,
}));
