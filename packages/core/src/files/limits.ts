import type { FileFormat } from "./formats.ts";

// The spec writes "max size 10MB" (and "max 5MB" for fonts) without saying which megabyte. We take
// the binary one (10 × 1024 × 1024 bytes): the larger reading never refuses a file the service
// would take, and a file between the two readings is left for the service to judge. The values are
// literals because esbuild keeps a module-level `10 * MB` in bundles that never use it.

/** Largest image the Ideogram API accepts in one file field: the spec's "10MB", read as 10 MiB (10 485 760 bytes). */
export const MAX_IMAGE_BYTES = 10_485_760;
/** Largest total of a reference-image set (`style_reference_images`, `character_reference_images`): 10 MiB across all of them. */
export const MAX_REFERENCE_IMAGES_TOTAL_BYTES = 10_485_760;
/** Largest custom font file (`font_file_h1` and friends): the spec's "5MB", read as 5 MiB. */
export const MAX_FONT_BYTES = 5_242_880;
/** Most `character_reference_images` the service takes ("currently only supports 1"). */
export const MAX_CHARACTER_REFERENCE_IMAGES = 1;
/** Most `images` of `/v1/edit`, and most `reference_asset_images` of the design operations. */
export const MAX_IMAGES_PER_FIELD = 10;
/** The formats every image field accepts. */
export const IMAGE_FORMATS = ["png", "jpeg", "webp"] as const satisfies readonly FileFormat[];
/** The formats every custom font field accepts. */
export const FONT_FORMATS = ["ttf", "otf", "woff", "woff2"] as const satisfies readonly FileFormat[];
