import {
  type ImageModelV4CallOptions,
  InvalidArgumentError,
  UnsupportedFunctionalityError,
} from "@ai-sdk/provider";
import type { EditingOperation, ImagesOperation, ModelFamily } from "./model-family.ts";

/** The operation a call goes to, and where its image and mask go. */
export interface PickedOperation {
  operation: ImagesOperation;
  editing?: EditingOperation;
}

/**
 * Text only → the model's generate; `prompt.images` with a mask → its edit; without a mask → its
 * remix. Ideogram edits one image per request, so more than one is an error, not a silent choice.
 */
export function pickOperation(
  modelId: string,
  family: ModelFamily,
  options: ImageModelV4CallOptions,
): PickedOperation {
  const images = options.files ?? [];
  if (images.length === 0) {
    if (options.mask !== undefined) {
      throw new InvalidArgumentError({
        argument: "prompt.mask",
        message: "A mask needs the image it applies to: pass it in prompt.images.",
      });
    }
    return { operation: family.generate };
  }
  if (images.length > 1) {
    throw new InvalidArgumentError({
      argument: "prompt.images",
      message: `Ideogram edits one image per request; got ${images.length} in prompt.images.`,
    });
  }
  const editing = options.mask === undefined ? family.remix : family.edit;
  if (editing === undefined) {
    throw new UnsupportedFunctionalityError({
      functionality: `${options.mask === undefined ? "image inputs (remix)" : "image inputs with a mask (edit)"} on Ideogram ${modelId}`,
    });
  }
  return { operation: editing.operation, editing };
}
