import type { GenerateResponse, Operation } from "@ideokit/core";

/** An operation whose 2xx answer is a list of images (`{ created, data: ImageObject[] }`). */
export type ImagesOperation = Operation<Record<string, unknown>, GenerateResponse>;

/** How one Ideogram model is reached: its operations and how the AI SDK's own arguments are spelled on its wire. */
export interface ModelFamily {
  /** Text to image. */
  readonly generate: ImagesOperation;
  /** Fields every request of this model carries (the legacy endpoint's `model`). */
  readonly fixed: Readonly<Record<string, string>>;
  /** `"16:9"` in this model's enum (`ASPECT_16_9`, `16x9`). */
  aspectRatio(ratio: string): string;
  /** `"1024x1024"` in this model's enum (`RESOLUTION_1024_1024`, `1024x1024`). */
  resolution(size: string): string;
}
