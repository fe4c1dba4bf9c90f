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

// Ideogram 3.0 and the newer endpoints.

/** Aspect ratios of the Ideogram 3.0 endpoints (`"16x9"`, …); never together with `resolution`. */
export const ASPECT_RATIOS_V3 = [
  "1x3",
  "3x1",
  "1x2",
  "2x1",
  "9x16",
  "16x9",
  "10x16",
  "16x10",
  "2x3",
  "3x2",
  "3x4",
  "4x3",
  "4x5",
  "5x4",
  "1x1",
] as const;
/** One of {@link ASPECT_RATIOS_V3}. */
export type AspectRatioV3 = (typeof ASPECT_RATIOS_V3)[number];

/** Resolutions of the Ideogram 3.0 endpoints (`"1024x1024"`, …). */
export const RESOLUTIONS_V3 = [
  "512x1536",
  "576x1408",
  "576x1472",
  "576x1536",
  "640x1344",
  "640x1408",
  "640x1472",
  "640x1536",
  "704x1152",
  "704x1216",
  "704x1280",
  "704x1344",
  "704x1408",
  "704x1472",
  "736x1312",
  "768x1088",
  "768x1216",
  "768x1280",
  "768x1344",
  "800x1280",
  "832x960",
  "832x1024",
  "832x1088",
  "832x1152",
  "832x1216",
  "832x1248",
  "864x1152",
  "896x960",
  "896x1024",
  "896x1088",
  "896x1120",
  "896x1152",
  "960x832",
  "960x896",
  "960x1024",
  "960x1088",
  "1024x832",
  "1024x896",
  "1024x960",
  "1024x1024",
  "1088x768",
  "1088x832",
  "1088x896",
  "1088x960",
  "1120x896",
  "1152x704",
  "1152x832",
  "1152x864",
  "1152x896",
  "1216x704",
  "1216x768",
  "1216x832",
  "1248x832",
  "1280x704",
  "1280x768",
  "1280x800",
  "1312x736",
  "1344x640",
  "1344x704",
  "1344x768",
  "1408x576",
  "1408x640",
  "1408x704",
  "1472x576",
  "1472x640",
  "1472x704",
  "1536x512",
  "1536x576",
  "1536x640",
] as const;
/** One of {@link RESOLUTIONS_V3}. */
export type ResolutionV3 = (typeof RESOLUTIONS_V3)[number];

/** Values of `rendering_speed` (Ideogram 3.0): faster is cheaper. */
export const RENDERING_SPEEDS = ["FLASH", "TURBO", "BALANCED", "DEFAULT", "QUALITY"] as const;
/** One of {@link RENDERING_SPEEDS}. */
export type RenderingSpeed = (typeof RENDERING_SPEEDS)[number];

/** Values of `style_type` on the Ideogram 3.0 endpoints. */
export const STYLE_TYPES_V3 = [
  "AUTO",
  "GENERAL",
  "REALISTIC",
  "DESIGN",
  "CUSTOM",
  "FICTION",
  "STYLIZED",
] as const;
/** One of {@link STYLE_TYPES_V3}. */
export type StyleTypeV3 = (typeof STYLE_TYPES_V3)[number];

/** Values of `style_preset` (Ideogram 3.0): predefined artistic styles. */
export const STYLE_PRESETS = [
  "80S_ILLUSTRATION",
  "90S_NOSTALGIA",
  "ABSTRACT_ORGANIC",
  "ANALOG_NOSTALGIA",
  "ART_BRUT",
  "ART_DECO",
  "ART_POSTER",
  "AURA",
  "AVANT_GARDE",
  "BAUHAUS",
  "BLUEPRINT",
  "BLURRY_MOTION",
  "BRIGHT_ART",
  "C4D_CARTOON",
  "CHILDRENS_BOOK",
  "COLLAGE",
  "COLORING_BOOK_I",
  "COLORING_BOOK_II",
  "CUBISM",
  "DARK_AURA",
  "DOODLE",
  "DOUBLE_EXPOSURE",
  "DRAMATIC_CINEMA",
  "EDITORIAL",
  "EMOTIONAL_MINIMAL",
  "ETHEREAL_PARTY",
  "EXPIRED_FILM",
  "FLAT_ART",
  "FLAT_VECTOR",
  "FOREST_REVERIE",
  "GEO_MINIMALIST",
  "GLASS_PRISM",
  "GOLDEN_HOUR",
  "GRAFFITI_I",
  "GRAFFITI_II",
  "HALFTONE_PRINT",
  "HIGH_CONTRAST",
  "HIPPIE_ERA",
  "ICONIC",
  "JAPANDI_FUSION",
  "JAZZY",
  "LONG_EXPOSURE",
  "MAGAZINE_EDITORIAL",
  "MINIMAL_ILLUSTRATION",
  "MIXED_MEDIA",
  "MONOCHROME",
  "NIGHTLIFE",
  "OIL_PAINTING",
  "OLD_CARTOONS",
  "PAINT_GESTURE",
  "POP_ART",
  "RETRO_ETCHING",
  "RIVIERA_POP",
  "SPOTLIGHT_80S",
  "STYLIZED_RED",
  "SURREAL_COLLAGE",
  "TRAVEL_POSTER",
  "VINTAGE_GEO",
  "VINTAGE_POSTER",
  "WATERCOLOR",
  "WEIRD",
  "WOODBLOCK_PRINT",
] as const;
/** One of {@link STYLE_PRESETS}. */
export type StylePreset = (typeof STYLE_PRESETS)[number];

/** Values of `upscale_factor` on generate-transparent (X2, X4 cost extra). */
export const UPSCALE_FACTORS = ["X1", "X2", "X4"] as const;
/** One of {@link UPSCALE_FACTORS}. */
export type UpscaleFactor = (typeof UPSCALE_FACTORS)[number];

/** Values of `describe_model_version` on `/describe` (default V_3). */
export const DESCRIBE_MODEL_VERSIONS = ["V_2", "V_3", "CUSTOM"] as const;
/** One of {@link DESCRIBE_MODEL_VERSIONS}. */
export type DescribeModelVersion = (typeof DESCRIBE_MODEL_VERSIONS)[number];
