import type { ImageObject, Operation } from "@ideokit/core";

/** An operation of core's table whose 2xx answer is a list of images. */
export type ImagesOperation = Operation<Record<string, unknown>, { data: readonly ImageObject[] }> & {
  /** Every wire field the operation accepts. */
  readonly fieldNames: readonly string[];
};

/** An editing operation and the wire fields it takes the AI SDK's image and mask in. */
export interface EditingOperation {
  readonly operation: ImagesOperation;
  readonly imageField: string;
  readonly maskField?: string;
}

/** How one Ideogram model is reached: its operations and how the AI SDK's own arguments are spelled on its wire. */
export interface ModelFamily {
  /** Text to image. */
  readonly generate: ImagesOperation;
  /** Image + mask (`prompt: { images, mask }`), when the model has an endpoint for it. */
  readonly edit?: EditingOperation;
  /** Image without a mask (`prompt: { images }`), when the model has an endpoint for it. */
  readonly remix?: EditingOperation;
  /** Most images one request returns; 1 when the endpoint has no `num_images`. */
  readonly maxImagesPerCall: number;
  /** Fields every request of this model carries (the legacy endpoints' `model`). */
  readonly fixed: Readonly<Record<string, string>>;
  /** `"16:9"` in this model's enum (`ASPECT_16_9`, `16x9`). */
  aspectRatio(ratio: string): string;
  /** `"1024x1024"` in this model's enum (`RESOLUTION_1024_1024`, `1024x1024`). */
  resolution(size: string): string;
}
