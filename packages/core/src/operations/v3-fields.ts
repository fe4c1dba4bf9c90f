import {
  ASPECT_RATIOS_V3,
  MAGIC_PROMPT_OPTIONS,
  RENDERING_SPEEDS,
  RESOLUTIONS_V3,
  STYLE_PRESETS,
  STYLE_TYPES_V3,
} from "../enums.ts";
import {
  FONT_FORMATS,
  IMAGE_FORMATS,
  MAX_CHARACTER_REFERENCE_IMAGES,
  MAX_FONT_BYTES,
  MAX_IMAGE_BYTES,
  MAX_IMAGES_PER_FIELD,
  MAX_REFERENCE_IMAGES_TOTAL_BYTES,
} from "../files/limits.ts";
import { file, fileList, oneOf, stringList, text } from "../table/field.ts";
import { colorPalette, numImages, seed } from "./legacy-fields.ts";

// Field makers of the Ideogram 3.0 (and newer) endpoints; see legacy-fields.ts for why they are
// functions. Fields shared with the legacy endpoints (seed, num_images, color_palette) come from there.

/** 3.0 `aspect_ratio` (`"16x9"`). */
export const aspectRatioV3 = () =>
  oneOf(ASPECT_RATIOS_V3, "ASPECT_RATIOS_V3", {
    label: "aspect ratio",
    description: "The aspect ratio of the image; not together with resolution.",
    example: "16x9",
    default: "1x1",
  });

/** 3.0 `resolution` (`"1024x1024"`). */
export const resolutionV3 = <R extends boolean = false>(required?: R) =>
  oneOf(RESOLUTIONS_V3, "RESOLUTIONS_V3", {
    label: "resolution",
    description: "The exact resolution of the image.",
    example: "1024x1024",
    required: (required ?? false) as R,
  });

/** `rendering_speed`. */
export const renderingSpeed = () =>
  oneOf(RENDERING_SPEEDS, "RENDERING_SPEEDS", {
    label: "rendering speed",
    description: "Faster rendering costs less.",
    example: "TURBO",
    default: "DEFAULT",
  });

/** 3.0 `magic_prompt`. */
export const magicPrompt = () =>
  oneOf(MAGIC_PROMPT_OPTIONS, "MAGIC_PROMPT_OPTIONS", {
    label: "magic prompt option",
    description: "Whether MagicPrompt rewrites the prompt.",
    example: "AUTO",
  });

/** 3.0 `negative_prompt`. */
export const negativePromptV3 = () =>
  text({
    label: "describe what to leave out",
    description: "What to leave out of the image.",
    example: "blurry",
  });

/** 3.0 `style_type`. */
export const styleTypeV3 = () =>
  oneOf(STYLE_TYPES_V3, "STYLE_TYPES_V3", {
    label: "style type",
    description: "The style to generate in.",
    example: "REALISTIC",
    default: "GENERAL",
  });

/** `style_preset`. */
export const stylePreset = () =>
  oneOf(STYLE_PRESETS, "STYLE_PRESETS", {
    label: "style preset",
    description: "A predefined artistic style.",
    example: "WATERCOLOR",
  });

/** `style_codes`: 8-digit hexadecimal codes; not with style_reference_images or style_type. */
export const styleCodes = () =>
  stringList(/^[0-9a-fA-F]{8}$/, 'an 8-digit hexadecimal style code like "AB12CD34"', {
    description: "Style codes (8 hexadecimal digits each); not with style_reference_images or style_type.",
    example: ["AB12CD34"],
  });

/** `custom_model_uri`: `model/<name>/version/<version>`. */
export const customModelUri = () =>
  text({
    label: "name a model as model/<name>/version/<version>",
    description: "A custom model, as model/<model_name>/version/<version_name>.",
    pattern: /^model\/[^/]+\/version\/[^/]+$/,
    patternHint: "model/<model_name>/version/<version_name>",
    example: "model/my-model/version/1",
  });

/** `style_reference_images`: images, 10 MB together. */
export const styleReferenceImages = () =>
  fileList(
    { formats: IMAGE_FORMATS, maxBytes: MAX_IMAGE_BYTES, totalMaxBytes: MAX_REFERENCE_IMAGES_TOTAL_BYTES },
    {
      label: "style reference images",
      description: "Images whose style to follow (PNG, JPEG or WebP; 10 MB together).",
    },
  );

/** `character_reference_images`: one image (the service's current limit). */
export const characterReferenceImages = () =>
  fileList(
    { formats: IMAGE_FORMATS, maxBytes: MAX_IMAGE_BYTES, totalMaxBytes: MAX_REFERENCE_IMAGES_TOTAL_BYTES },
    {
      label: "character reference images",
      description: "An image of the character to keep (one for now; PNG, JPEG or WebP).",
      max: MAX_CHARACTER_REFERENCE_IMAGES,
    },
  );

/** `character_reference_images_mask`: one mask per character reference, of its size. */
export const characterReferenceMasks = () =>
  fileList(
    { formats: IMAGE_FORMATS, maxBytes: MAX_IMAGE_BYTES, sameSizeAs: "character_reference_images" },
    {
      label: "character reference masks",
      description: "A grayscale mask per character reference image, of the same size.",
      max: MAX_CHARACTER_REFERENCE_IMAGES,
    },
  );

/** A list of up to `max` images, 10 MB each. */
export const imageList = (label: string, description: string, max: number) =>
  fileList({ formats: IMAGE_FORMATS, maxBytes: MAX_IMAGE_BYTES }, { label, description, max });

/** A custom font file (TTF, OTF, WOFF or WOFF2, at most 5 MB) for one text style. */
export const fontFile = (style: string) =>
  file(
    { formats: FONT_FORMATS, maxBytes: MAX_FONT_BYTES },
    {
      label: `a font for ${style} text`,
      description: `A font file for ${style} text; wins over the font name.`,
    },
  );

/** A font from the service's library for one text style. */
export const fontName = (style: string) =>
  text({
    label: `name a font for ${style} text`,
    description: `A library font for ${style} text.`,
    example: "Inter",
  });

/** The eight font fields of the design operations, by text style. */
export const fontFields = () => ({
  font_file_h1: fontFile("heading"),
  font_name_h1: fontName("heading"),
  font_file_h2: fontFile("subheading"),
  font_name_h2: fontName("subheading"),
  font_file_body: fontFile("body"),
  font_name_body: fontName("body"),
  font_file_small: fontFile("small"),
  font_name_small: fontName("small"),
});

/** `reference_asset_images`: logos and icons to detect and replace (at most 10). */
export const referenceAssetImages = () =>
  imageList(
    "reference asset images",
    "Logos or icons to detect and replace (at most 10).",
    MAX_IMAGES_PER_FIELD,
  );

/** The generation settings 3.0's generate, remix and design bodies share, in the spec's order. */
export const v3GenerationFields = () => ({
  seed: seed(),
  resolution: resolutionV3(),
  aspect_ratio: aspectRatioV3(),
  rendering_speed: renderingSpeed(),
  magic_prompt: magicPrompt(),
  negative_prompt: negativePromptV3(),
  num_images: numImages(),
  color_palette: colorPalette(),
  style_codes: styleCodes(),
  style_type: styleTypeV3(),
  style_preset: stylePreset(),
  custom_model_uri: customModelUri(),
});

/** The style and character references of 3.0's generate, remix and edit bodies. */
export const v3ReferenceFields = () => ({
  style_reference_images: styleReferenceImages(),
  character_reference_images: characterReferenceImages(),
  character_reference_images_mask: characterReferenceMasks(),
});

/**
 * The settings 3.0's reframe and replace-background bodies share after their image (and prompt), in
 * the spec's order: count, seed, speed and the style (a preset, a palette, codes or reference images).
 */
export const v3RestyleFields = () => ({
  num_images: numImages(),
  seed: seed(),
  rendering_speed: renderingSpeed(),
  style_preset: stylePreset(),
  color_palette: colorPalette(),
  style_codes: styleCodes(),
  style_reference_images: styleReferenceImages(),
});

/** Style codes replace a style reference, in the bodies of {@link v3RestyleFields} (which have no style type). */
export const V3_STYLE_REFERENCE_EXCLUSION = [["style_reference_images", "style_codes"]] as const;

/** Style codes replace both a style reference and a style type, in every 3.0 body that has them. */
export const V3_STYLE_CODE_EXCLUSIONS = [
  ["style_reference_images", "style_codes"],
  ["style_type", "style_codes"],
] as const;

/** One character mask per character reference image. */
export const V3_CHARACTER_MASK_COUNT = [
  ["character_reference_images_mask", "character_reference_images"],
] as const;
