import type { ColorPalette, ColorPalettePreset } from "@ideokit/core";

/** An sRGB colour as [red, green, blue], each 0..255. */
export type Rgb = readonly [number, number, number];

/** A colour and its share of the picture (any positive scale; shares are relative). */
export interface WeightedColor {
  rgb: Rgb;
  weight: number;
}

/**
 * The colours the emulator paints for each preset name. The real service does not publish its
 * presets, so these are the emulator's own, chosen to look like their names.
 */
export const PALETTE_PRESET_COLORS = {
  EMBER: ["#3b0a05", "#8c1c13", "#d8572a", "#f7a072", "#fce3b0"],
  FRESH: ["#e8f6ef", "#b8dfd8", "#4cacbc", "#6cc4a1", "#f6e3c5"],
  JUNGLE: ["#0b3d20", "#1e6b3a", "#4c9a2a", "#a4c639", "#d9e68a"],
  MAGIC: ["#2e1a47", "#6a2c70", "#b83b5e", "#f08a5d", "#f9ed69"],
  MELON: ["#ff6f61", "#ff9a8b", "#ffd3b6", "#a8e6cf", "#dcedc1"],
  MOSAIC: ["#264653", "#2a9d8f", "#e9c46a", "#f4a261", "#e76f51"],
  PASTEL: ["#ffd1dc", "#ffe5b4", "#fffacd", "#c1e1c1", "#aec6cf"],
  ULTRAMARINE: ["#0a1172", "#120a8f", "#3f51b5", "#6c8ebf", "#dce3f5"],
} as const satisfies Record<ColorPalettePreset, readonly string[]>;

/** A preset name the emulator knows colours for: every one of core's `ColorPalettePreset`s. */
export type PalettePresetName = ColorPalettePreset;

/** Parses "#rgb" or "#rrggbb" (any case) into an Rgb triple. */
export function parseHexColor(hex: string): Rgb {
  const digits = hex.replace(/^#/, "");
  const full = digits.length === 3 ? [...digits].map((digit) => digit + digit).join("") : digits;
  const value = Number.parseInt(full, 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** The weighted colours of a validated color_palette; members without a weight count as 1. */
export function paletteColors(palette: ColorPalette): WeightedColor[] {
  if (palette.name !== undefined) {
    return PALETTE_PRESET_COLORS[palette.name].map((hex) => ({ rgb: parseHexColor(hex), weight: 1 }));
  }
  return palette.members.map((member) => ({
    rgb: parseHexColor(member.color_hex),
    weight: member.color_weight ?? 1,
  }));
}

/** A pleasant palette of 3 to 5 colours derived from a random source, for requests without one. */
export function randomPalette(random: () => number): WeightedColor[] {
  const count = 3 + Math.floor(random() * 3);
  const baseHue = random() * 360;
  return Array.from({ length: count }, (_, i) => ({
    rgb: hslToRgb((baseHue + i * (360 / count) * 0.6) % 360, 0.45 + random() * 0.4, 0.3 + random() * 0.45),
    weight: 0.5 + random(),
  }));
}

function hslToRgb(hue: number, saturation: number, lightness: number): Rgb {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const value = lightness - (chroma / 2) * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255);
  };
  return [channel(0), channel(8), channel(4)];
}
