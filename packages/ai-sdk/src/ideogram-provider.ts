import { type ImageModelV4, NoSuchModelError, type ProviderV4 } from "@ai-sdk/provider";
import {
  type FetchFunction,
  loadApiKey,
  loadOptionalSetting,
  withoutTrailingSlash,
} from "@ai-sdk/provider-utils";
import { type AuthScheme, DEFAULT_BASE_URL, defaultAuthFor, type RequestTarget } from "@ideokit/core";
import { IdeogramImageModel } from "./ideogram-image-model.ts";
import { type IdeogramImageModelId, isIdeogramImageModelId } from "./model-ids.ts";

/** Settings of {@link createIdeogram}, in the shape of the AI SDK's own providers. */
export interface IdeogramProviderSettings {
  /** The API key (or an edge worker's client token). Default: the `IDEOGRAM_API_KEY` environment variable, read at call time. */
  apiKey?: string;
  /** Default: `IDEOGRAM_BASE_URL`, else core's `DEFAULT_BASE_URL`. Point it at an ideokit edge worker from a browser. */
  baseURL?: string;
  /** How the key travels; default from the base URL (`Api-Key` for api.ideogram.ai, else `Authorization: Bearer`). */
  auth?: AuthScheme;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** A fetch to use instead of the global one (a test double, a Worker's service binding, a proxy). */
  fetch?: FetchFunction;
}

/** The Ideogram provider: `ideogram.image("V_2")` is an image model for the AI SDK's `generateImage`. */
export interface IdeogramProvider extends ProviderV4 {
  /** The image model `modelId`. */
  image(modelId: IdeogramImageModelId): ImageModelV4;
  /** Same as {@link IdeogramProvider.image}, under the name the AI SDK's provider registry calls. */
  imageModel(modelId: IdeogramImageModelId): ImageModelV4;
}

/** An Ideogram provider for the AI SDK; nothing is read from the environment until a model is called. */
export function createIdeogram(settings: IdeogramProviderSettings = {}): IdeogramProvider {
  const target = (): RequestTarget => {
    const baseURL =
      withoutTrailingSlash(
        loadOptionalSetting({ settingValue: settings.baseURL, environmentVariableName: "IDEOGRAM_BASE_URL" }),
      ) ?? DEFAULT_BASE_URL;
    const auth = settings.auth ?? defaultAuthFor(baseURL);
    const apiKey =
      auth === "none"
        ? undefined
        : loadApiKey({
            apiKey: settings.apiKey,
            environmentVariableName: "IDEOGRAM_API_KEY",
            description: "Ideogram",
          });
    return { baseURL, auth, apiKey, headers: settings.headers };
  };
  const fetch: FetchFunction = settings.fetch ?? ((input, init) => globalThis.fetch(input, init));

  const imageModel = (modelId: IdeogramImageModelId): ImageModelV4 => {
    if (!isIdeogramImageModelId(modelId)) throw new NoSuchModelError({ modelId, modelType: "imageModel" });
    return new IdeogramImageModel(modelId, { provider: "ideogram.image", target, fetch });
  };
  const noSuchModel = (modelType: "languageModel" | "embeddingModel") => (modelId: string) => {
    throw new NoSuchModelError({ modelId, modelType });
  };

  return {
    specificationVersion: "v4",
    image: imageModel,
    imageModel,
    languageModel: noSuchModel("languageModel"),
    embeddingModel: noSuchModel("embeddingModel"),
  };
}

/** The default provider: key from `IDEOGRAM_API_KEY`, base URL from `IDEOGRAM_BASE_URL`, both read at call time. */
export const ideogram: IdeogramProvider = createIdeogram();
