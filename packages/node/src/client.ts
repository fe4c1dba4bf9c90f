import type { ReadableStream } from "node:stream/web";
import {
  type AuthScheme,
  type BoundOperation,
  bindOperation,
  type GenerateResponse,
  generateOperation,
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
import { type SaveImagesOptions, type SaveImagesResult, saveImages } from "./save-images.ts";
import type { UndiciResponse } from "./undici-transport.ts";

/**
 * The Ideogram client for Node. A class because callers write `new Ideogram()` and keep one per
 * process: it owns a keep-alive undici Agent, released by `close()`. Every call runs core's
 * pipeline with an undici transport.
 */
export class Ideogram {
  readonly #config: ResolvedClientOptions;
  readonly #generate: BoundOperation<typeof generateOperation>;
  #closed = false;

  /** Reads defaults from the environment; throws at once on a bad option (ClientOptionError) or when no key is configured (MissingAPIKeyError). */
  constructor(options: ClientOptions = {}) {
    const resolved = resolveClientOptions(options);
    // Refusing in the transport keeps the closed check in one place for every operation.
    const transport: Transport<UndiciResponse> = (request, sendOptions) => {
      this.#assertOpen();
      return resolved.transport(request, sendOptions);
    };
    this.#config = { ...resolved, transport, pipeline: { ...resolved.pipeline, transport } };
    this.#generate = bindOperation(generateOperation, this.#config.pipeline);
  }

  /** The service root requests go to. */
  get baseURL(): string {
    return this.#config.pipeline.baseURL;
  }

  /** How the key is sent: "bearer", "api-key" or "none". */
  get auth(): AuthScheme {
    return this.#config.pipeline.auth;
  }

  /** Generates images: validates (an invalid request costs no call), sends with retries, parses the response. */
  generate(request: ImageRequest, options?: RequestOptions): Promise<GenerateResponse> {
    return this.#generate(request, options);
  }

  /** Like `generate`, plus the HTTP status, headers and request id of the successful attempt. */
  generateWithResponse(
    request: ImageRequest,
    options?: RequestOptions,
  ): Promise<WithResponse<GenerateResponse>> {
    return this.#generate.withResponse(request, options);
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
    this.#assertOpen();
    return downloadImage(this.#config, imageOrUrl, options);
  }

  /**
   * Streams every image of a response into `dir`; returns the saved paths and the images skipped as
   * unsafe. A download whose body breaks mid-stream is discarded and re-sent whole while retries remain;
   * when one still fails, SaveImagesError names it and carries the paths saved.
   */
  async saveImages(
    response: GenerateResponse,
    dir: string,
    options?: SaveImagesOptions,
  ): Promise<SaveImagesResult> {
    this.#assertOpen();
    return saveImages(this.#config, response, dir, options);
  }

  /** Releases the client's connection pool; a dispatcher passed in the options is left to its owner. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#config.ownsDispatcher) await this.#config.dispatcher.close();
  }

  /** Lets `await using client = new Ideogram()` close the pool on scope exit. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  /** Fails fast after close() rather than retrying against a closed pool. */
  #assertOpen(): void {
    if (this.#closed) throw new IdeogramError("This Ideogram client is closed; create a new one.");
  }
}
