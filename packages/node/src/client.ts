import type { ReadableStream } from "node:stream/web";
import {
  type AuthScheme,
  type GenerateResponse,
  IdeogramError,
  type ImageObject,
  type ImageRequest,
  type RequestOptions,
  type Transport,
  type WithResponse,
} from "@ideokit/core";
import { type ClientOptions, type ResolvedClientOptions, resolveClientOptions } from "./client-options.ts";
import { downloadImage } from "./download-image.ts";
import type { DownloadOptions } from "./open-image.ts";
import { type OperationMethods, operationMethods } from "./operation-methods.ts";
import {
  type ImageAnswer,
  type SaveImagesOptions,
  type SaveImagesResult,
  saveImages,
} from "./save-images.ts";
import type { UndiciResponse } from "./undici-transport.ts";

// The operation methods (`generate`, `edit`, `v3.replaceBackground`, …) are generated from core's
// table, so they come from a base class typed with their names rather than from 21 declarations.
const WithOperationMethods = class {
  constructor(methods: OperationMethods) {
    Object.assign(this, methods);
  }
} as new (
  methods: OperationMethods,
) => OperationMethods;

/**
 * The Ideogram client for Node. A class because callers write `new Ideogram()` and keep one per
 * process: it owns a keep-alive undici Agent, released by `close()`. Every call runs core's
 * pipeline with an undici transport. Besides the methods below it has one per operation of core's
 * table (`generate`, `edit`, `remix`, …, `v3.generate`, `v3.replaceBackground`, …, `v4.generate`),
 * each with `.withResponse`; their file fields take any `ImageSource` (a path is streamed from disk).
 */
export class Ideogram extends WithOperationMethods {
  readonly #config: ResolvedClientOptions;
  readonly #state: { closed: boolean };

  /** Reads defaults from the environment; throws at once on a bad option (ClientOptionError) or when no key is configured (MissingAPIKeyError). */
  constructor(options: ClientOptions = {}) {
    const resolved = resolveClientOptions(options);
    const state = { closed: false };
    // Refusing in the transport keeps the closed check in one place for every operation.
    const transport: Transport<UndiciResponse> = (request, sendOptions) => {
      assertOpen(state);
      return resolved.transport(request, sendOptions);
    };
    const config = { ...resolved, transport, pipeline: { ...resolved.pipeline, transport } };
    const download = (image: ImageObject | string) => downloadImage(config, image);
    super(operationMethods(config.pipeline, { download }));
    this.#config = config;
    this.#state = state;
  }

  /** The service root requests go to. */
  get baseURL(): string {
    return this.#config.pipeline.baseURL;
  }

  /** How the key is sent: "bearer", "api-key" or "none". */
  get auth(): AuthScheme {
    return this.#config.pipeline.auth;
  }

  /** Like `generate`, plus the HTTP status, headers and request id of the successful attempt. */
  generateWithResponse(
    request: ImageRequest,
    options?: RequestOptions,
  ): Promise<WithResponse<GenerateResponse>> {
    return this.generate.withResponse(request, options);
  }

  /**
   * Opens one image (an ImageObject or its URL) as a web ReadableStream; refuses an expired URL before
   * any request. Resolves once the first bytes arrive, so failures up to then are retried; a drop after
   * bytes were handed out cannot be retried transparently and errors the stream with APIConnectionError
   * (use `saveImages`, which re-sends the whole download, when a file is what you want).
   */
  async downloadImage(
    imageOrUrl: ImageObject | string,
    options?: DownloadOptions,
  ): Promise<ReadableStream<Uint8Array>> {
    assertOpen(this.#state);
    return downloadImage(this.#config, imageOrUrl, options);
  }

  /**
   * Streams every image of an answer (any `ImageAnswer`: generate, edit, the layered and layerize answers) into `dir`; returns the saved paths and the images skipped as
   * unsafe. A download whose body breaks mid-stream is discarded and re-sent whole while retries remain;
   * when one still fails, SaveImagesError names it and carries the paths saved.
   */
  async saveImages(
    response: ImageAnswer,
    dir: string,
    options?: SaveImagesOptions,
  ): Promise<SaveImagesResult> {
    assertOpen(this.#state);
    return saveImages(this.#config, response, dir, options);
  }

  /** Releases the client's connection pool; a dispatcher passed in the options is left to its owner. */
  async close(): Promise<void> {
    if (this.#state.closed) return;
    this.#state.closed = true;
    if (this.#config.ownsDispatcher) await this.#config.dispatcher.close();
  }

  /** Lets `await using client = new Ideogram()` close the pool on scope exit. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}

/** Fails fast after close() rather than retrying against a closed pool. */
function assertOpen(state: { closed: boolean }): void {
  if (state.closed) throw new IdeogramError("This Ideogram client is closed; create a new one.");
}
