/** Every documented `image_request` field, in the order the docs list them. */
export const IMAGE_REQUEST_FIELDS = [
  "prompt",
  "aspect_ratio",
  "model",
  "magic_prompt_option",
  "magic_prompt_version",
  "seed",
  "style_type",
  "negative_prompt",
  "num_images",
  "resolution",
  "color_palette",
] as const;
/** One of {@link IMAGE_REQUEST_FIELDS}. */
export type ImageRequestField = (typeof IMAGE_REQUEST_FIELDS)[number];

/** Fields of a colour palette; exactly one of them is set. */
export const COLOR_PALETTE_FIELDS = ["name", "members"] as const;
/** Fields of one `color_palette.members` entry. */
export const COLOR_PALETTE_MEMBER_FIELDS = ["color_hex", "color_weight"] as const;
/** Fields of the `/generate` body. */
export const GENERATE_REQUEST_FIELDS = ["image_request"] as const;
