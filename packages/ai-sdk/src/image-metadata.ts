import type { JSONObject } from "@ai-sdk/provider";
import type { ImageObject } from "@ideokit/core";

/** What `providerMetadata.ideogram.images[i]` holds: the service's entry for the image, minus its expiring URL. */
export type IdeogramImageMetadata = {
  seed?: number;
  resolution?: string;
  is_image_safe?: boolean;
  /** The prompt the service used (after MagicPrompt). */
  prompt?: string;
  style_type?: string | null;
} & JSONObject;

/** The metadata of one image: every JSON field the service sent except `url`. */
export function imageMetadata(entry: ImageObject): IdeogramImageMetadata {
  const metadata: JSONObject = {};
  for (const [field, value] of Object.entries(entry)) {
    if (field !== "url" && value !== undefined) metadata[field] = value as JSONObject[string];
  }
  return metadata as IdeogramImageMetadata;
}
