import { type AspectRatio, type ImageRequest, resolutionSize, type Size } from "@ideokit/core";

/**
 * The size the emulator renders for each aspect_ratio (the service picks the size; these are its
 * documented V_2 sizes, every one also a valid `resolution`). ASPECT_1_1 is the default.
 */
export const ASPECT_RATIO_SIZES: Readonly<Record<AspectRatio, Size>> = {
  ASPECT_1_1: { width: 1024, height: 1024 },
  ASPECT_16_9: { width: 1312, height: 736 },
  ASPECT_9_16: { width: 736, height: 1312 },
  ASPECT_16_10: { width: 1232, height: 768 },
  ASPECT_10_16: { width: 768, height: 1232 },
  ASPECT_3_2: { width: 1248, height: 832 },
  ASPECT_2_3: { width: 832, height: 1248 },
  ASPECT_4_3: { width: 1152, height: 864 },
  ASPECT_3_4: { width: 864, height: 1152 },
  ASPECT_3_1: { width: 1536, height: 512 },
  ASPECT_1_3: { width: 512, height: 1536 },
};

/** The pixel size of the images a validated request produces: its resolution, else its aspect ratio's size. */
export function imageSize(request: ImageRequest): Size {
  if (request.resolution !== undefined) return resolutionSize(request.resolution);
  return ASPECT_RATIO_SIZES[request.aspect_ratio ?? "ASPECT_1_1"];
}
