import type { ColorPalette } from "@ideokit/core";
import { PALETTE_PRESET_COLORS, type PalettePresetName, parseHexColor } from "./palette.ts";

/** Everything that determines an emulated picture; image ids encode it, so any id can be re-rendered. */
export interface ImageSpec {
  width: number;
  height: number;
  seed: number;
  promptHash: number;
  /** Position in its batch, so the images of one num_images request differ. */
  variant: number;
  palette?: ColorPalette;
  /** An RGBA picture on a transparent background (generate-transparent). */
  transparent?: boolean;
}

// Version 1 ids (opaque pictures) are unchanged since the first release; version 2 adds a flags byte.
const VERSION = 1;
const VERSION_WITH_FLAGS = 2;
const FLAG_TRANSPARENT = 1;
/** The largest width or height the emulator renders (an upscale stops there). */
export const MAX_SIDE = 4096;
const PRESET_NAMES = Object.keys(PALETTE_PRESET_COLORS) as PalettePresetName[];
const NO_PALETTE = 0;
const PRESET_PALETTE = 1;
const MEMBER_PALETTE = 2;

/** Encodes an image spec as a URL-safe id (base64url, like the real service's ephemeral ids). */
export function encodeImageId(spec: ImageSpec): string {
  const version = spec.transparent ? VERSION_WITH_FLAGS : VERSION;
  const bytes = [version, ...uint16(spec.width), ...uint16(spec.height), ...uint32(spec.seed)];
  bytes.push(...uint32(spec.promptHash), spec.variant & 0xff);
  if (spec.transparent) bytes.push(FLAG_TRANSPARENT);
  bytes.push(...paletteBytes(spec.palette));
  return toBase64Url(new Uint8Array(bytes));
}

/** Decodes an id made by encodeImageId, or returns undefined for anything else. */
export function decodeImageId(id: string): ImageSpec | undefined {
  const bytes = fromBase64Url(id);
  const flagged = bytes?.[0] === VERSION_WITH_FLAGS;
  if (bytes === undefined || bytes.length < (flagged ? 16 : 15) || !(flagged || bytes[0] === VERSION)) {
    return undefined;
  }
  const view = new DataView(bytes.buffer);
  const width = view.getUint16(1);
  const height = view.getUint16(3);
  if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) return undefined;
  if (flagged && bytes[14] !== FLAG_TRANSPARENT) return undefined;
  const palette = readPalette(bytes.subarray(flagged ? 15 : 14));
  if (palette === null) return undefined;
  const spec: ImageSpec = {
    width,
    height,
    seed: view.getUint32(5),
    promptHash: view.getUint32(9),
    variant: bytes[13]!,
    ...(flagged && { transparent: true }),
  };
  return palette === undefined ? spec : { ...spec, palette };
}

function paletteBytes(palette: ColorPalette | undefined): number[] {
  if (palette === undefined) return [NO_PALETTE];
  if (palette.name !== undefined) return [PRESET_PALETTE, PRESET_NAMES.indexOf(palette.name)];
  const members = palette.members.flatMap((member) => [
    ...parseHexColor(member.color_hex),
    Math.round((member.color_weight ?? 1) * 100),
  ]);
  return [MEMBER_PALETTE, palette.members.length, ...members];
}

/** The palette in the id's tail; null when the tail is malformed. */
function readPalette(tail: Uint8Array): ColorPalette | undefined | null {
  const kind = tail[0];
  if (kind === NO_PALETTE) return tail.length === 1 ? undefined : null;
  if (kind === PRESET_PALETTE) {
    const name = PRESET_NAMES[tail[1] ?? -1];
    return tail.length === 2 && name !== undefined ? { name } : null;
  }
  const count = tail[1] ?? 0;
  if (kind !== MEMBER_PALETTE || count < 1 || count > 8 || tail.length !== 2 + count * 4) return null;
  const members = Array.from({ length: count }, (_, i) => {
    const [red, green, blue, weight] = tail.subarray(2 + i * 4, 6 + i * 4);
    const hex = [red!, green!, blue!].map((channel) => channel.toString(16).padStart(2, "0")).join("");
    return { color_hex: `#${hex}`, color_weight: weight! / 100 };
  });
  return { members };
}

function uint16(value: number): number[] {
  return [(value >>> 8) & 0xff, value & 0xff];
}

function uint32(value: number): number[] {
  return [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}

function toBase64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return undefined;
  try {
    const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}
