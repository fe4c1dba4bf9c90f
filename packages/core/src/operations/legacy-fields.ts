import {
  ASPECT_RATIOS,
  MAGIC_PROMPT_OPTIONS,
  MAGIC_PROMPT_VERSIONS,
  MODELS,
  RESOLUTIONS,
  STYLE_TYPES,
} from "../enums.ts";
import { IMAGE_FORMATS, MAX_IMAGE_BYTES } from "../files/limits.ts";
import { NUM_IMAGES_MAX, NUM_IMAGES_MIN, SEED_MAX, SEED_MIN } from "../limits.ts";
import { modelsSupporting } from "../model-support.ts";
import { file, integer, oneOf, palette, text } from "../table/field.ts";

// Field makers of the legacy endpoints (/generate, /edit, /remix, /reframe, /upscale, /describe).
// They are functions, called inside each operation's table thunk, so a bundle pays only for the
// fields of the operations it keeps.

/** `prompt`, required and not blank. */
export const prompt = (purpose: string, description: string) =>
  text({
    required: true,
    notBlank: true,
    label: purpose,
    description,
    example: "a lighthouse at dusk, oil painting",
  });

/** Legacy `aspect_ratio` (`ASPECT_16_9`). */
export const aspectRatio = () =>
  oneOf(ASPECT_RATIOS, "ASPECT_RATIOS", {
    label: "aspect ratio",
    description: "The aspect ratio of the image; not together with resolution.",
    example: "ASPECT_16_9",
    default: "ASPECT_1_1",
  });

/** Legacy `model` (defaults to V_2). */
export const model = <R extends boolean = false>(required?: R) =>
  oneOf(MODELS, "MODELS", {
    label: "model",
    description: "The model to generate with (the service defaults to V_2).",
    example: "V_2",
    default: "V_2",
    required: (required ?? false) as R,
  });

/** Legacy `magic_prompt_option`. */
export const magicPromptOption = () =>
  oneOf(MAGIC_PROMPT_OPTIONS, "MAGIC_PROMPT_OPTIONS", {
    label: "magic prompt option",
    description: "Whether MagicPrompt rewrites the prompt.",
    example: "AUTO",
  });

/** Legacy `magic_prompt_version`. */
export const magicPromptVersion = () =>
  oneOf(MAGIC_PROMPT_VERSIONS, "MAGIC_PROMPT_VERSIONS", {
    label: "magic prompt version",
    description: "The MagicPrompt version, when MagicPrompt is AUTO or ON.",
    example: "V_0",
  });

/** `seed`, 0 to 2^31 - 1. */
export const seed = () =>
  integer(SEED_MIN, SEED_MAX, { description: "Random seed, for reproducible generation.", example: 12345 });

/** `num_images`, 1 to 8. */
export const numImages = () =>
  integer(NUM_IMAGES_MIN, NUM_IMAGES_MAX, {
    description: "How many images to generate.",
    example: 2,
    default: 1,
  });

/** Legacy `style_type` (not for V_1 models). */
export const styleType = (models?: boolean) =>
  oneOf(STYLE_TYPES, "STYLE_TYPES", {
    label: "style type",
    description: "The style to generate in (not for V_1 models).",
    example: "REALISTIC",
    ...(models ? { models: modelsSupporting("style_type") } : {}),
  });

/** Legacy `negative_prompt`. */
export const negativePrompt = () =>
  text({
    label: "describe what to leave out",
    description: "What to leave out of the image.",
    example: "blurry, low contrast",
    models: modelsSupporting("negative_prompt"),
  });

/** Legacy `resolution` (`RESOLUTION_1024_1024`; V_2 models only). */
export const resolution = <R extends boolean = false>(required?: R) =>
  oneOf(RESOLUTIONS, "RESOLUTIONS", {
    label: "resolution",
    description: "The exact resolution (V_2 models only); not together with aspect_ratio.",
    example: "RESOLUTION_1024_1024",
    required: (required ?? false) as R,
    ...(required ? {} : { models: modelsSupporting("resolution") }),
  });

/** `color_palette`: a preset or up to 8 weighted colours. */
export const colorPalette = (models?: boolean) =>
  palette({
    description: "A colour palette: a preset name or up to 8 colours.",
    example: { name: "PASTEL" },
    ...(models ? { models: modelsSupporting("color_palette") } : {}),
  });

/** A required image file (PNG, JPEG or WebP, at most 10 MB). */
export const imageFile = (description: string, sameSizeAs?: string) =>
  file(
    {
      formats: IMAGE_FORMATS,
      maxBytes: MAX_IMAGE_BYTES,
      ...(sameSizeAs === undefined ? {} : { sameSizeAs }),
    },
    { required: true, label: description, description },
  );

/** An optional `prompt`. */
export const optionalPrompt = (description: string) =>
  text({ label: "describe the result", description, example: "a lighthouse at dusk, oil painting" });

/** `image_weight` of remix, 1 to 100. */
export const imageWeight = () =>
  integer(1, 100, {
    description: "How closely to follow the source image (1 to 100).",
    example: 70,
    default: 50,
  });

/** An optional image file (PNG, JPEG or WebP, at most 10 MB). */
export const optionalImageFile = (description: string) =>
  file({ formats: IMAGE_FORMATS, maxBytes: MAX_IMAGE_BYTES }, { label: description, description });

/** The `image_request` settings legacy generate and remix share, in the docs' order (after the prompt). */
export const imageRequestFields = () => ({
  aspect_ratio: aspectRatio(),
  model: model(),
  magic_prompt_option: magicPromptOption(),
  magic_prompt_version: magicPromptVersion(),
  seed: seed(),
  style_type: styleType(true),
  negative_prompt: negativePrompt(),
  num_images: numImages(),
  resolution: resolution(),
  color_palette: colorPalette(true),
});
