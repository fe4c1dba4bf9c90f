import { MAX_IMAGES_PER_FIELD } from "../files/limits.ts";
import { checkFileRules } from "../files/rules.ts";
import { checkMoreRules } from "../table/check.ts";
import { defineOperation } from "../table/define.ts";
import { formBody } from "../table/encode.ts";
import { flag, stringList } from "../table/field.ts";
import { IMAGES } from "../table/responses.ts";
import { numImages, prompt, seed } from "./legacy-fields.ts";
import { aspectRatioV3, imageList, magicPrompt, resolutionV3 } from "./v3-fields.ts";

/** `POST /v1/edit`: edit uploaded images or Ideogram image URLs from a prompt, as multipart. */
export const editImagesOperation = /* @__PURE__ */ defineOperation(() => ({
  id: "editImages",
  path: "/v1/edit",
  summary: "Edit one or more images (uploaded or by Ideogram URL) from a prompt.",
  fields: {
    prompt: prompt("describe the edit", "The edit to make."),
    images: imageList(
      "images",
      "Images to edit (at most 10; PNG, JPEG or WebP, 10 MB each).",
      MAX_IMAGES_PER_FIELD,
    ),
    image_urls: stringList(/^https?:\/\/\S+$/, "an http(s) URL of an Ideogram image", {
      description: "URLs of Ideogram images to edit, instead of uploads (at most 10).",
      example: ["https://ideogram.ai/api/images/ephemeral/example.png"],
      max: MAX_IMAGES_PER_FIELD,
    }),
    num_images: numImages(),
    seed: seed(),
    magic_prompt: magicPrompt(),
    resolution: resolutionV3(),
    aspect_ratio: aspectRatioV3(),
    transparent_background: flag({
      description: "Whether the result has a transparent background.",
      example: false,
      default: false,
    }),
  },
  rules: { exclusive: [["aspect_ratio", "resolution"]], atLeastOne: [["images", "image_urls"]] },
  encode: formBody,
  response: IMAGES,
  checkFiles: checkFileRules,
  moreRules: checkMoreRules,
}));
