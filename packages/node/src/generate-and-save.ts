import type { GenerateResponse, ImageRequest, RequestOptions } from "@ideokit/core";
import type { Ideogram } from "./client.ts";
import type { SaveImagesOptions, SaveImagesResult } from "./save-images.ts";

/** Options of `generateAndSave`: the generate call's and the download's. */
export interface GenerateAndSaveOptions
  extends RequestOptions,
    Pick<SaveImagesOptions, "concurrency" | "onSaved"> {}

/** The response and what was written to disk. */
export interface GenerateAndSaveResult extends SaveImagesResult {
  response: GenerateResponse;
}

/** Generates, then saves every image into `dir`: the whole demo and CLI flow in one call. */
export async function generateAndSave(
  client: Ideogram,
  request: ImageRequest,
  dir: string,
  options: GenerateAndSaveOptions = {},
): Promise<GenerateAndSaveResult> {
  const { concurrency, onSaved, ...requestOptions } = options;
  const response = await client.generate(request, requestOptions);
  const saved = await client.saveImages(response, dir, { concurrency, onSaved, signal: options.signal });
  return { response, ...saved };
}
