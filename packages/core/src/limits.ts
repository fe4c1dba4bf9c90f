/** Smallest accepted `seed`. */
export const SEED_MIN = 0;
/** Largest accepted `seed` (2^31 - 1). */
export const SEED_MAX = 2147483647;
/** Smallest accepted `num_images`. */
export const NUM_IMAGES_MIN = 1;
/** Largest accepted `num_images`. */
export const NUM_IMAGES_MAX = 8;
/** The `num_images` the service uses when a request names none. */
export const DEFAULT_NUM_IMAGES = 1;
/** Fewest colours in `color_palette.members`. */
export const PALETTE_MEMBERS_MIN = 1;
/** Most colours in `color_palette.members`. */
export const PALETTE_MEMBERS_MAX = 8;
/** Smallest `color_weight` of a palette member. */
export const COLOR_WEIGHT_MIN = 0.05;
/** Largest `color_weight` of a palette member. */
export const COLOR_WEIGHT_MAX = 1;
/** `#rgb` or `#rrggbb`, either case. */
export const COLOR_HEX_PATTERN = /^#(?:[0-9a-fA-F]{3}){1,2}$/;
