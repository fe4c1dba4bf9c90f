import {
  APIConnectionError,
  APITimeoutError,
  assertImageContentType,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  downloadableImageUrl,
  type ImageObject,
  sendWithRetries,
  urlWithoutQuery,
} from "@ideokit/core";
import { absoluteURL } from "./absolute-url.ts";
import { kyTransport } from "./ky-transport.ts";

/** Options of `fetchImage` and `imageObjectURL`. */
export interface FetchImageOptions {
  /** Aborts the download, including any wait between retries. */
  signal?: AbortSignal;
  /** Per-attempt timeout in milliseconds (default 120 000). */
  timeout?: number;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
}

/**
 * Downloads a generated image as a Blob. An image without a URL or with an expired one is refused
 * before any request (instead of fetching a 403), an answer that is not an image after it.
 */
export async function fetchImage(
  image: ImageObject | string,
  options: FetchImageOptions = {},
): Promise<Blob> {
  const url = absoluteURL(downloadableImageUrl(image));
  try {
    const { value } = await sendWithRetries(
      { url, method: "GET", headers: {} },
      {
        transport: kyTransport,
        signal: options.signal,
        timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
        maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
        secrets: [],
      },
      // Read within the attempt, so a body that stalls times out and one cut short is retried.
      async (response, fail) => {
        assertImageContentType(response.headers.get("content-type"), url);
        try {
          return await response.blob();
        } catch (error) {
          throw fail(error);
        }
      },
    );
    return value;
  } catch (error) {
    throw isCrossOriginFailure(error, url) ? crossOriginFailure(url, error) : error;
  }
}

// A browser reports a cross-origin answer without Access-Control-Allow-Origin exactly like a
// network failure, so the message has to name both.
function isCrossOriginFailure(error: unknown, url: string): error is APIConnectionError {
  return (
    error instanceof APIConnectionError &&
    !(error instanceof APITimeoutError) &&
    globalThis.location !== undefined &&
    new URL(url).origin !== globalThis.location.origin
  );
}

/** The connection error of a cross-origin download, with a message that names CORS as a possible cause. */
function crossOriginFailure(url: string, error: APIConnectionError): APIConnectionError {
  return new APIConnectionError({
    message:
      `Could not download ${urlWithoutQuery(url)}: the network failed, or its host does not let ` +
      `${globalThis.location.origin} read it (no Access-Control-Allow-Origin, CORS). Images served ` +
      "through your ideokit edge worker avoid this.",
    cause: error.cause,
  });
}
