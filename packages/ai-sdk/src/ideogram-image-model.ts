import type { ImageModelV4, ImageModelV4CallOptions, ImageModelV4Result } from "@ai-sdk/provider";
import type { FetchFunction } from "@ai-sdk/provider-utils";
import { combineHeaders } from "@ai-sdk/provider-utils";
import { isFileInput, type RequestTarget } from "@ideokit/core";
import { type CallFile, callInput } from "./call-input.ts";
import { downloadImages } from "./download-images.ts";
import { familyOf } from "./families.ts";
import { toFileInput } from "./file-inputs.ts";
import { imageMetadata } from "./image-metadata.ts";
import type { ModelFamily } from "./model-family.ts";
import type { IdeogramImageModelId } from "./model-ids.ts";
import { pickOperation } from "./pick-operation.ts";
import { send } from "./send.ts";

/** How a model reaches the service; resolved by the provider at call time (environment variables are read then). */
export interface IdeogramImageModelConfig {
  provider: string;
  target: () => RequestTarget;
  fetch: FetchFunction;
  currentDate?: () => Date;
}

function definedHeaders(headers: Record<string, string | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) result[name] = value;
  return result;
}

// What APICallError.requestBodyValues shows: the fields, with files named rather than dumped.
function loggable(input: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(input)) values[field] = isFileInput(value) ? "[file]" : value;
  return values;
}

/** An Ideogram model as the AI SDK's `ImageModelV4`: core checks, builds and parses every call. */
export class IdeogramImageModel implements ImageModelV4 {
  readonly specificationVersion = "v4";
  readonly modelId: IdeogramImageModelId;
  readonly maxImagesPerCall: number;
  readonly supportsFileInputs: boolean;
  readonly supportsMaskInputs: boolean;
  readonly #family: ModelFamily;
  readonly #config: IdeogramImageModelConfig;

  constructor(modelId: IdeogramImageModelId, config: IdeogramImageModelConfig) {
    this.modelId = modelId;
    this.#config = config;
    this.#family = familyOf(modelId);
    this.maxImagesPerCall = this.#family.maxImagesPerCall;
    this.supportsFileInputs = this.#family.remix !== undefined || this.#family.edit !== undefined;
    this.supportsMaskInputs = this.#family.edit !== undefined;
  }

  get provider(): string {
    return this.#config.provider;
  }

  async doGenerate(options: ImageModelV4CallOptions): Promise<ImageModelV4Result> {
    const family = this.#family;
    const { operation, editing } = pickOperation(this.modelId, family, options);
    const files: CallFile[] = [];
    if (editing !== undefined) {
      const { fetch } = this.#config;
      const image = await toFileInput(options.files![0]!, "image", fetch, options.abortSignal);
      files.push({ field: editing.imageField, argument: "prompt.images[0]", value: image });
      if (editing.maskField !== undefined && options.mask !== undefined) {
        const mask = await toFileInput(options.mask, "mask", fetch, options.abortSignal);
        files.push({ field: editing.maskField, argument: "prompt.mask", value: mask });
      }
    }
    const { input, warnings } = await callInput(this.modelId, family, operation, options, files);
    const target = this.#config.target();
    const timestamp = this.#config.currentDate?.() ?? new Date();
    const response = await send(operation, input, {
      fetch: this.#config.fetch,
      target: { ...target, headers: definedHeaders(combineHeaders(target.headers, options.headers)) },
      signal: options.abortSignal,
      requestBodyValues: loggable(input),
    });
    const downloaded = await downloadImages(response.data.data, this.#config.fetch, options.abortSignal);
    return {
      images: downloaded.images,
      // Only withheld (unsafe) images leave the result empty, and asking again gives the same verdict.
      ...(downloaded.images.length === 0 && { isRetryable: false }),
      warnings: [...warnings, ...downloaded.warnings],
      providerMetadata: { ideogram: { images: downloaded.entries.map(imageMetadata) } },
      response: { timestamp, modelId: this.modelId, headers: response.headers },
    };
  }
}
