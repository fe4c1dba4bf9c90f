import type { ImageModelV4, ImageModelV4CallOptions, ImageModelV4Result } from "@ai-sdk/provider";
import type { FetchFunction } from "@ai-sdk/provider-utils";
import { combineHeaders } from "@ai-sdk/provider-utils";
import { NUM_IMAGES_MAX, type RequestTarget } from "@ideokit/core";
import { callInput } from "./call-input.ts";
import { downloadImages } from "./download-images.ts";
import { familyOf } from "./families.ts";
import { imageMetadata } from "./image-metadata.ts";
import type { IdeogramImageModelId } from "./model-ids.ts";
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

/** An Ideogram model as the AI SDK's `ImageModelV4`: core checks, builds and parses every call. */
export class IdeogramImageModel implements ImageModelV4 {
  readonly specificationVersion = "v4";
  readonly maxImagesPerCall = NUM_IMAGES_MAX;
  readonly modelId: IdeogramImageModelId;
  readonly #config: IdeogramImageModelConfig;

  constructor(modelId: IdeogramImageModelId, config: IdeogramImageModelConfig) {
    this.modelId = modelId;
    this.#config = config;
  }

  get provider(): string {
    return this.#config.provider;
  }

  async doGenerate(options: ImageModelV4CallOptions): Promise<ImageModelV4Result> {
    const family = familyOf(this.modelId);
    const operation = family.generate;
    const { input, warnings } = callInput(this.modelId, family, operation, options);
    const target = this.#config.target();
    const request = operation.build(input, {
      ...target,
      headers: definedHeaders(combineHeaders(target.headers, options.headers)),
    });
    const timestamp = this.#config.currentDate?.() ?? new Date();
    const secrets = target.apiKey ? [target.apiKey] : [];
    const response = await send(request, {
      fetch: this.#config.fetch,
      signal: options.abortSignal,
      requestBodyValues: input,
      secrets,
      parse: operation.parse,
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
