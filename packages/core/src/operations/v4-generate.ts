import { defineOperation } from "../table/define.ts";
import { jsonBody } from "../table/encode.ts";
import { integer } from "../table/field.ts";
import { IMAGES } from "../table/responses.ts";
import { magicPromptOption, prompt } from "./legacy-fields.ts";
import { customModelUri } from "./v3-fields.ts";

/** `POST /v1/ideogram-v4/generate`: images from a prompt with Ideogram 4.0, as JSON. */
export const v4GenerateOperation = /* @__PURE__ */ defineOperation(() => ({
  id: "v4.generate",
  path: "/v1/ideogram-v4/generate",
  summary: "Generate images from a prompt with Ideogram 4.0.",
  fields: {
    prompt: prompt("describe the image to generate", "The prompt to generate the image from."),
    seed: integer(undefined, undefined, {
      description: "Random seed, for reproducibility (null for a random one).",
      example: 12345,
      nullable: true,
    }),
    magic_prompt_option: magicPromptOption(),
    custom_model_uri: customModelUri(),
  },
  encode: jsonBody,
  response: IMAGES,
}));
