import { ASPECT_RATIOS, type AspectRatio, RESOLUTIONS, type Resolution } from "./enums.ts";

/** Width and height in pixels. */
export interface Size {
  width: number;
  height: number;
}

const FREEFORM_RESOLUTION = /^(\d+)x(\d+)$/;
const RESOLUTION_LIKE = /^(?:RESOLUTION_)?(\d+)\s*[x×*_:]\s*(\d+)$/i;
const ASPECT_RATIO_LIKE = /^(?:ASPECT_)?(\d+)\s*[x×*_:/]\s*(\d+)$/i;

/** `"1024x1024"` (as in responses) → `{ width: 1024, height: 1024 }`; undefined for anything else. */
export function parseResolution(text: string): Size | undefined {
  const match = FREEFORM_RESOLUTION.exec(text);
  return match ? { width: Number(match[1]), height: Number(match[2]) } : undefined;
}

/** `"RESOLUTION_1280_720"` → `{ width: 1280, height: 720 }`. */
export function resolutionSize(resolution: Resolution): Size {
  const [, width, height] = resolution.split("_");
  return { width: Number(width), height: Number(height) };
}

/** `"1024x1024"`, `"1024*1024"` or `"RESOLUTION_1024_1024"` → `"RESOLUTION_1024_1024"`; undefined if not offered. */
export function toResolution(text: string): Resolution | undefined {
  const match = RESOLUTION_LIKE.exec(text.trim());
  if (!match) return undefined;
  const candidate = `RESOLUTION_${Number(match[1])}_${Number(match[2])}`;
  return (RESOLUTIONS as readonly string[]).includes(candidate) ? (candidate as Resolution) : undefined;
}

/** `"16:9"`, `"16x9"` or `"ASPECT_16_9"` → `"ASPECT_16_9"`; undefined if not offered. */
export function toAspectRatio(text: string): AspectRatio | undefined {
  const match = ASPECT_RATIO_LIKE.exec(text.trim());
  if (!match) return undefined;
  const candidate = `ASPECT_${Number(match[1])}_${Number(match[2])}`;
  return (ASPECT_RATIOS as readonly string[]).includes(candidate) ? (candidate as AspectRatio) : undefined;
}

/** Width divided by height: `"ASPECT_16_9"` → 16 / 9. */
export function aspectRatioValue(aspectRatio: AspectRatio): number {
  const [, width, height] = aspectRatio.split("_");
  return Number(width) / Number(height);
}
