/** Aspect ratios accepted by `image_request.aspect_ratio`. */
export const ASPECT_RATIOS = [
  "ASPECT_10_16",
  "ASPECT_16_10",
  "ASPECT_9_16",
  "ASPECT_16_9",
  "ASPECT_3_2",
  "ASPECT_2_3",
  "ASPECT_4_3",
  "ASPECT_3_4",
  "ASPECT_1_1",
  "ASPECT_1_3",
  "ASPECT_3_1",
] as const;
/** One of {@link ASPECT_RATIOS}. */
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

/** Models accepted by `image_request.model` (the service defaults to `V_2`). */
export const MODELS = ["V_1", "V_1_TURBO", "V_2", "V_2_TURBO", "V_2A", "V_2A_TURBO", "V_3", "AUTO"] as const;
/** One of {@link MODELS}. */
export type Model = (typeof MODELS)[number];

/** Values of `image_request.magic_prompt_option`. */
export const MAGIC_PROMPT_OPTIONS = ["AUTO", "ON", "OFF"] as const;
/** One of {@link MAGIC_PROMPT_OPTIONS}. */
export type MagicPromptOption = (typeof MAGIC_PROMPT_OPTIONS)[number];

/** Values of `image_request.magic_prompt_version`. */
export const MAGIC_PROMPT_VERSIONS = [
  "V_0",
  "V_0_1",
  "V_0_2",
  "V_0_3",
  "V_0_4",
  "V_0_5",
  "V_0_6",
  "V_0_7",
  "V_0_8",
] as const;
/** One of {@link MAGIC_PROMPT_VERSIONS}. */
export type MagicPromptVersion = (typeof MAGIC_PROMPT_VERSIONS)[number];

/** Values of `image_request.style_type` (not accepted by V_1 models). */
export const STYLE_TYPES = [
  "AUTO",
  "GENERAL",
  "FICTION",
  "REALISTIC",
  "DESIGN",
  "RENDER_3D",
  "ANIME",
  "CUSTOM",
  "STYLIZED",
] as const;
/** One of {@link STYLE_TYPES}. */
export type StyleType = (typeof STYLE_TYPES)[number];

/** Values of `image_request.resolution` (V_2 models only; never together with `aspect_ratio`). */
export const RESOLUTIONS = [
  "RESOLUTION_512_1536",
  "RESOLUTION_576_1408",
  "RESOLUTION_576_1472",
  "RESOLUTION_576_1536",
  "RESOLUTION_640_1024",
  "RESOLUTION_640_1344",
  "RESOLUTION_640_1408",
  "RESOLUTION_640_1472",
  "RESOLUTION_640_1536",
  "RESOLUTION_704_1152",
  "RESOLUTION_704_1216",
  "RESOLUTION_704_1280",
  "RESOLUTION_704_1344",
  "RESOLUTION_704_1408",
  "RESOLUTION_704_1472",
  "RESOLUTION_720_1280",
  "RESOLUTION_736_1312",
  "RESOLUTION_768_1024",
  "RESOLUTION_768_1088",
  "RESOLUTION_768_1152",
  "RESOLUTION_768_1216",
  "RESOLUTION_768_1232",
  "RESOLUTION_768_1280",
  "RESOLUTION_768_1344",
  "RESOLUTION_832_960",
  "RESOLUTION_832_1024",
  "RESOLUTION_832_1088",
  "RESOLUTION_832_1152",
  "RESOLUTION_832_1216",
  "RESOLUTION_832_1248",
  "RESOLUTION_864_1152",
  "RESOLUTION_896_960",
  "RESOLUTION_896_1024",
  "RESOLUTION_896_1088",
  "RESOLUTION_896_1120",
  "RESOLUTION_896_1152",
  "RESOLUTION_960_832",
  "RESOLUTION_960_896",
  "RESOLUTION_960_1024",
  "RESOLUTION_960_1088",
  "RESOLUTION_1024_640",
  "RESOLUTION_1024_768",
  "RESOLUTION_1024_832",
  "RESOLUTION_1024_896",
  "RESOLUTION_1024_960",
  "RESOLUTION_1024_1024",
  "RESOLUTION_1088_768",
  "RESOLUTION_1088_832",
  "RESOLUTION_1088_896",
  "RESOLUTION_1088_960",
  "RESOLUTION_1120_896",
  "RESOLUTION_1152_704",
  "RESOLUTION_1152_768",
  "RESOLUTION_1152_832",
  "RESOLUTION_1152_864",
  "RESOLUTION_1152_896",
  "RESOLUTION_1216_704",
  "RESOLUTION_1216_768",
  "RESOLUTION_1216_832",
  "RESOLUTION_1232_768",
  "RESOLUTION_1248_832",
  "RESOLUTION_1280_704",
  "RESOLUTION_1280_720",
  "RESOLUTION_1280_768",
  "RESOLUTION_1280_800",
  "RESOLUTION_1312_736",
  "RESOLUTION_1344_640",
  "RESOLUTION_1344_704",
  "RESOLUTION_1344_768",
  "RESOLUTION_1408_576",
  "RESOLUTION_1408_640",
  "RESOLUTION_1408_704",
  "RESOLUTION_1472_576",
  "RESOLUTION_1472_640",
  "RESOLUTION_1472_704",
  "RESOLUTION_1536_512",
  "RESOLUTION_1536_576",
  "RESOLUTION_1536_640",
] as const;
/** One of {@link RESOLUTIONS}. */
export type Resolution = (typeof RESOLUTIONS)[number];

/** Preset names accepted by `image_request.color_palette.name`. */
export const COLOR_PALETTE_PRESETS = [
  "EMBER",
  "FRESH",
  "JUNGLE",
  "MAGIC",
  "MELON",
  "MOSAIC",
  "PASTEL",
  "ULTRAMARINE",
] as const;
/** One of {@link COLOR_PALETTE_PRESETS}. */
export type ColorPalettePreset = (typeof COLOR_PALETTE_PRESETS)[number];
