import { checkFileRules } from "../files/rules.ts";
import { defineOperation } from "../table/define.ts";
import { jsonUnlessFiles } from "../table/encode.ts";
import { LAYERED_IMAGES } from "../table/responses.ts";
import { optionalImageFile, optionalPrompt, prompt } from "./legacy-fields.ts";
import {
  fontFields,
  referenceAssetImages,
  styleReferenceImages,
  V3_STYLE_CODE_EXCLUSIONS,
  v3GenerationFields,
} from "./v3-fields.ts";

// generate-design and its deprecated predecessor graphic share every generation field.
const designFields = () => ({
  ...v3GenerationFields(),
  ...fontFields(),
  style_reference_images: styleReferenceImages(),
  reference_asset_images: referenceAssetImages(),
});

// A function, called in the thunks: a module-level spread is kept by bundles that drop the operations.
const designRules = () =>
  ({
    exclusive: [["aspect_ratio", "resolution"], ...V3_STYLE_CODE_EXCLUSIONS],
  }) as const;

/** `POST /v1/ideogram-v3/generate-design`: a design with editable text layers (JSON, multipart with files). */
export const v3GenerateDesignOperation = /* @__PURE__ */ defineOperation(() => ({
  id: "v3.generateDesign",
  path: "/v1/ideogram-v3/generate-design",
  summary: "Generate a design from a prompt, with its text detected and corrected into layers.",
  fields: {
    prompt: prompt("describe the design to generate", "The prompt to generate the design from."),
    ...designFields(),
  },
  rules: designRules(),
  encode: jsonUnlessFiles,
  response: LAYERED_IMAGES,
  checkFiles: checkFileRules,
}));

/** `POST /v1/ideogram-v3/graphic` (deprecated upstream for generate-design and layerize-design). */
export const v3GraphicOperation = /* @__PURE__ */ defineOperation(() => ({
  id: "v3.graphic",
  path: "/v1/ideogram-v3/graphic",
  summary: "Generate a graphic, or layerize a given flat one, with text correction (deprecated upstream).",
  fields: {
    prompt: optionalPrompt("The prompt to generate the graphic from."),
    ...designFields(),
    flat_graphic_image: optionalImageFile("A flat graphic to layerize instead of generating one."),
  },
  rules: designRules(),
  encode: jsonUnlessFiles,
  response: LAYERED_IMAGES,
  checkFiles: checkFileRules,
}));
