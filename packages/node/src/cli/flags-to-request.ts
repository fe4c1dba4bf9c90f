import { type ImageRequest, MAGIC_PROMPT_OPTIONS, toAspectRatio, toResolution } from "@ideokit/core";
import { numericFlag } from "./numeric-flag.ts";
import { paletteFlag } from "./palette-flag.ts";

/** The request-shaping flags of `ideokit generate`, as commander hands them over. */
export interface RequestFlags {
  aspectRatio?: string;
  resolution?: string;
  model?: string;
  style?: string;
  magicPrompt?: string;
  negative?: string;
  seed?: string;
  numImages?: string;
  palette?: string;
}

/**
 * Maps flags to an image_request field by field. Recognised spellings ("16:9", "1024x1024", "on")
 * are converted with core's helpers; anything else passes through unchanged so that core's
 * validation reports it with the allowed values.
 */
export function flagsToRequest(prompt: string, flags: RequestFlags): ImageRequest {
  const request: Record<string, unknown> = { prompt };
  const set = (field: string, value: unknown) => {
    if (value !== undefined) request[field] = value;
  };
  set("aspect_ratio", flags.aspectRatio && (toAspectRatio(flags.aspectRatio) ?? flags.aspectRatio));
  set("resolution", flags.resolution && (toResolution(flags.resolution) ?? flags.resolution));
  set("model", flags.model);
  set("style_type", flags.style);
  set("magic_prompt_option", flags.magicPrompt && magicPromptOption(flags.magicPrompt));
  set("negative_prompt", flags.negative);
  set("seed", flags.seed && numericFlag(flags.seed));
  set("num_images", flags.numImages && numericFlag(flags.numImages));
  set("color_palette", flags.palette && paletteFlag(flags.palette));
  return request as ImageRequest;
}

function magicPromptOption(value: string): string {
  return MAGIC_PROMPT_OPTIONS.find((option) => option.toLowerCase() === value.toLowerCase()) ?? value;
}
