import { RESOLUTIONS_V3, readImageSize, type Size } from "@ideokit/core";
import { type EmulatedOperation, isFileField } from "./emulated-operation.ts";
import { MAX_SIDE } from "./image-id.ts";
import { ASPECT_RATIO_SIZES } from "./image-size.ts";

const DEFAULT_SIZE: Size = { width: 1024, height: 1024 };
/** How much the legacy `/upscale` enlarges (the service's documented 2x). */
const LEGACY_UPSCALE = 2;
const UPSCALE_FACTORS: Record<string, number> = { X1: 1, X2: 2, X4: 4 };
/** The service answers with pictures, never thumbnails: smaller inputs are scaled up to this shorter side. */
const MIN_INPUT_SIDE = 64;

/**
 * The size of the images an operation answers with, as the service implies it: the asked
 * `resolution`, else the `aspect_ratio`'s size, else the input image's own size (edit, inpaint,
 * replace background, remix, try-on, layerize), else 1024x1024; the legacy upscale doubles the
 * input and `upscale_factor` multiplies; nothing grows past {@link MAX_SIDE}. An input image
 * smaller than 64 px a side counts as scaled up to that.
 */
export async function outputSize(
  operation: EmulatedOperation,
  input: Record<string, unknown>,
): Promise<Size> {
  const read = await inputImageSize(operation, input);
  const inputImage = read && scaled(read, Math.max(1, MIN_INPUT_SIDE / Math.min(read.width, read.height)));
  if (operation.id === "upscale") return scaled(inputImage ?? DEFAULT_SIZE, LEGACY_UPSCALE);
  const base =
    parseResolution(input.resolution) ??
    aspectSize(operation, input.aspect_ratio) ??
    inputImage ??
    DEFAULT_SIZE;
  return scaled(base, UPSCALE_FACTORS[String(input.upscale_factor)] ?? 1);
}

/**
 * The fields that hold the picture an operation works on (not references, masks or fonts): the
 * legacy `image_file`, 3.0's `image`, `/v1/edit`'s `images`, the design operations' `flat_graphic_image`.
 */
const SUBJECT_FIELDS = ["image_file", "image", "images", "flat_graphic_image"];

/** The size of the picture worked on, read from its header. */
async function inputImageSize(operation: EmulatedOperation, input: Record<string, unknown>) {
  for (const name of SUBJECT_FIELDS) {
    if (!isFileField(operation.fields[name])) continue;
    const value = input[name];
    const file = Array.isArray(value) ? value[0] : value;
    if (file instanceof Blob) return readImageSize(file);
  }
  return undefined;
}

/** `"RESOLUTION_1280_720"` (legacy) or `"1280x720"` (3.0 and later) as a size. */
function parseResolution(value: unknown): Size | undefined {
  const match = typeof value === "string" ? /^(?:RESOLUTION_)?(\d+)[_x](\d+)$/.exec(value) : null;
  return match ? { width: Number(match[1]), height: Number(match[2]) } : undefined;
}

function aspectSize(operation: EmulatedOperation, value: unknown): Size | undefined {
  if (typeof value !== "string") return undefined;
  if (value in ASPECT_RATIO_SIZES) return ASPECT_RATIO_SIZES[value as keyof typeof ASPECT_RATIO_SIZES];
  const match = /^(\d+)x(\d+)$/.exec(value);
  if (!match) return undefined;
  return nearest(allowedResolutions(operation), Number(match[1]) / Number(match[2]));
}

/** The sizes a 3.0 (or later) answer may state as `resolution`: its own field's values, else 3.0's. */
function allowedResolutions(operation: EmulatedOperation): readonly string[] {
  return operation.fields.resolution?.values ?? RESOLUTIONS_V3;
}

/** The allowed size closest to `ratio` (then to 1024x1024's area). */
function nearest(resolutions: readonly string[], ratio: number): Size {
  let best = DEFAULT_SIZE;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const resolution of resolutions) {
    const size = parseResolution(resolution);
    if (size === undefined) continue;
    const score =
      Math.abs(Math.log(size.width / size.height / ratio)) * 1e6 +
      Math.abs(size.width * size.height - DEFAULT_SIZE.width * DEFAULT_SIZE.height);
    if (score < bestScore) [best, bestScore] = [size, score];
  }
  return best;
}

function scaled(size: Size, factor: number): Size {
  const scale = Math.min(factor, MAX_SIDE / size.width, MAX_SIDE / size.height);
  return {
    width: Math.max(1, Math.round(size.width * scale)),
    height: Math.max(1, Math.round(size.height * scale)),
  };
}

/**
 * What an answer states as `resolution` for a picture of `size`: `WxH` on the legacy endpoints and
 * `/v1/edit` (free text there), on 3.0 and later the allowed resolution nearest its shape (their
 * spec admits no other), plus `upscaled` (`upscaled_resolution`, the exact size) when they differ.
 */
export function statedResolution(
  operation: EmulatedOperation,
  size: Size,
): { resolution: string; upscaled?: string } {
  const exact = `${size.width}x${size.height}`;
  const resolution = /^\/v1\/ideogram-v\d/.test(operation.path)
    ? allowedResolutions(operation).includes(exact)
      ? exact
      : formatSize(nearest(allowedResolutions(operation), size.width / size.height))
    : exact;
  // The spec's FreeformResolution wants at least two digits a side.
  const upscaled =
    (resolution !== exact || operation.id === "upscale") && /^\d{2,5}x\d{2,5}$/.test(exact)
      ? exact
      : undefined;
  return upscaled === undefined ? { resolution } : { resolution, upscaled };
}

function formatSize(size: Size): string {
  return `${size.width}x${size.height}`;
}
