import { IMAGE_FORMATS, MAX_IMAGE_BYTES } from "../files/limits.ts";
import { checkFileRules } from "../files/rules.ts";
import { defineOperation } from "../table/define.ts";
import { formBody } from "../table/encode.ts";
import { fileList, text } from "../table/field.ts";
import { IMAGES } from "../table/responses.ts";
import { imageFile, numImages, seed } from "./legacy-fields.ts";
import { magicPrompt, renderingSpeed, stylePreset, styleTypeV3 } from "./v3-fields.ts";

/** `POST /v1/ideogram-v3/try-on`: the clothing of a person's photo replaced by a product image. */
export const v3TryOnOperation = /* @__PURE__ */ defineOperation(() => ({
  id: "v3.tryOn",
  path: "/v1/ideogram-v3/try-on",
  summary: "Dress the person in an image in the product of a reference image.",
  fields: {
    image: imageFile("The photo of the person (PNG, JPEG or WebP, at most 10 MB)."),
    prompt: text({
      label: "describe the clothing change",
      description: "The clothing change (default: wearing the product).",
      example: "Person wearing this jacket",
      default: "Person wearing this piece of clothing",
    }),
    magic_prompt: magicPrompt(),
    num_images: numImages(),
    seed: seed(),
    rendering_speed: renderingSpeed(),
    style_type: styleTypeV3(),
    style_preset: stylePreset(),
    product_reference_images: fileList(
      { formats: IMAGE_FORMATS, maxBytes: MAX_IMAGE_BYTES },
      {
        required: true,
        label: "product reference images",
        description: "The product to wear: exactly one image (PNG, JPEG or WebP).",
        min: 1,
        max: 1,
      },
    ),
  },
  encode: formBody,
  response: IMAGES,
  checkFiles: checkFileRules,
}));
