import type { ColorPalettePreset } from "../enums.ts";

/** One colour of a custom palette: `#rgb`/`#rrggbb` plus an optional weight 0.05–1. */
export interface ColorPaletteMember {
  color_hex: string;
  color_weight?: number;
}

/**
 * A colour palette: exactly one of a preset `{ name }` or custom `{ members }`. The `never` sides
 * make `{ name, members }` a compile error, not only a runtime issue.
 */
export type ColorPalette =
  | { name: ColorPalettePreset; members?: never }
  | { members: ColorPaletteMember[]; name?: never };
