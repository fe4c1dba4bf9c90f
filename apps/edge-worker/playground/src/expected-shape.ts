import { aspectRatioValue, type ImageRequest, resolutionSize } from "@ideokit/core";

/** Width / height the images of a request should have, for placeholders shown while it runs. */
export function expectedAspectRatio(request: ImageRequest): number {
  if (request.resolution !== undefined) {
    const { width, height } = resolutionSize(request.resolution);
    return width / height;
  }
  return request.aspect_ratio === undefined ? 1 : aspectRatioValue(request.aspect_ratio);
}
