import { checkFileRules } from "../files/rules.ts";
import { defineOperation } from "../table/define.ts";
import { formBody } from "../table/encode.ts";
import { LAYERED_IMAGES, LAYERIZE } from "../table/responses.ts";
import { imageFile, optionalPrompt, seed } from "./legacy-fields.ts";
import { fontFields, referenceAssetImages } from "./v3-fields.ts";

/** `POST /v1/ideogram-v3/layerize-text`: the text blocks of an image, with a text-free base image. */
export const v3LayerizeTextOperation = /* @__PURE__ */ defineOperation(() => ({
  id: "v3.layerizeText",
  path: "/v1/ideogram-v3/layerize-text",
  summary: "Detect an image's text blocks (position, font, style) and return them with a base image.",
  fields: {
    image: imageFile("The image to read the text of (PNG, JPEG or WebP, at most 10 MB)."),
    prompt: optionalPrompt("A description of the image (generated when left out)."),
    seed: seed(),
  },
  encode: formBody,
  response: LAYERIZE,
  checkFiles: checkFileRules,
}));

/** `POST /v1/ideogram-v3/layerize-design`: a flat graphic turned into text and image layers. */
export const v3LayerizeDesignOperation = /* @__PURE__ */ defineOperation(() => ({
  id: "v3.layerizeDesign",
  path: "/v1/ideogram-v3/layerize-design",
  summary: "Turn a flat graphic into a layered design with its text detected and corrected.",
  fields: {
    flat_graphic_image: imageFile("The flat graphic to layerize (PNG, JPEG or WebP, at most 10 MB)."),
    prompt: optionalPrompt("A description of the graphic (generated when left out)."),
    seed: seed(),
    ...fontFields(),
    reference_asset_images: referenceAssetImages(),
  },
  encode: formBody,
  response: LAYERED_IMAGES,
  checkFiles: checkFileRules,
}));
