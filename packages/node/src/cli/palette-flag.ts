import { COLOR_PALETTE_PRESETS, type ColorPalette } from "@ideokit/core";
import { numericFlag } from "./numeric-flag.ts";

/**
 * `--palette PASTEL` → `{ name }`; `--palette "#ff0000:0.6,#00ff00"` → `{ members }`.
 * Only the CLI syntax lives here: which names, colours and weights are allowed is core's to check.
 */
export function paletteFlag(value: string): ColorPalette {
  if (!value.includes("#")) {
    const preset = COLOR_PALETTE_PRESETS.find((name) => name.toLowerCase() === value.trim().toLowerCase());
    return { name: preset ?? value } as ColorPalette;
  }
  const members = value.split(",").map((member) => {
    const [hex = "", weight] = member.trim().split(":");
    return weight === undefined ? { color_hex: hex } : { color_hex: hex, color_weight: numericFlag(weight) };
  });
  return { members } as ColorPalette;
}
