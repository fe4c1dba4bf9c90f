import { MAGIC_PROMPT_VERSIONS } from "../enums.ts";
import { checkFileRules } from "../files/rules.ts";
import { defineOperation } from "../table/define.ts";
import { jsonUnlessFiles } from "../table/encode.ts";
import { flag, integer, oneOf, text } from "../table/field.ts";
import { MAGIC_PROMPT } from "../table/responses.ts";
import { prompt } from "./legacy-fields.ts";
import { characterReferenceImages, styleTypeV3 } from "./v3-fields.ts";

/** `POST /magic-prompt`: a prompt in, its MagicPrompt rewrite out (JSON, multipart with a character image). */
export const magicPromptOperation = /* @__PURE__ */ defineOperation(() => ({
  id: "magicPrompt",
  path: "/magic-prompt",
  summary: "Rewrite a prompt with MagicPrompt.",
  fields: {
    prompt: prompt("give the prompt to enhance", "The prompt to enhance."),
    magic_prompt_version: oneOf(MAGIC_PROMPT_VERSIONS, "MAGIC_PROMPT_VERSIONS", {
      required: true,
      label: "magic prompt version",
      description: "The MagicPrompt version to use.",
      example: "V_0",
    }),
    classify_prompt_category: flag({
      required: true,
      description: "Whether to classify the prompt's category first.",
      example: true,
      default: true,
    }),
    style_type: styleTypeV3(),
    seed: integer(undefined, undefined, { description: "Random seed, for reproducible output.", example: 7 }),
    character_reference_images: characterReferenceImages(),
    system_prompt: text({
      label: "give a system prompt",
      description: "A system prompt for the rewrite.",
      example: "Keep it short.",
    }),
  },
  encode: jsonUnlessFiles,
  response: MAGIC_PROMPT,
  checkFiles: checkFileRules,
}));
