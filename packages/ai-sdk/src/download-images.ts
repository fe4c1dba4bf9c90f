import type { APICallError, SharedV4Warning } from "@ai-sdk/provider";
import type { FetchFunction } from "@ai-sdk/provider-utils";
import { isAbortError } from "@ai-sdk/provider-utils";
import {
  APIConnectionError,
  assertImageContentType,
  downloadableImageUrl,
  errorFromResponse,
  type IdeogramError,
  type ImageObject,
  urlWithoutQuery,
} from "@ideokit/core";
import { toAPICallError } from "./api-call-error.ts";

/** The downloaded images, the service's entry for each, and warnings for the ones it withheld. */
export interface DownloadedImages {
  images: Uint8Array[];
  entries: ImageObject[];
  warnings: SharedV4Warning[];
}

// Errors name the image URL without its signature; there is no request body to report.
function failed(error: IdeogramError, url: string, responseBody?: string): APICallError {
  return toAPICallError(error, {
    url: urlWithoutQuery(url),
    requestBodyValues: undefined,
    responseBody,
    secrets: [],
  });
}

function connectionFailed(cause: unknown, url: string, signal: AbortSignal | undefined): APICallError {
  // fetch rejects with the signal's reason, which need not look like an AbortError.
  if (isAbortError(cause) || signal?.aborted) throw cause;
  return failed(
    new APIConnectionError({ message: `Could not download ${urlWithoutQuery(url)}.`, cause }),
    url,
  );
}

/** The bytes at `url`, fetched with the injected fetch; failures are `APICallError`s naming the URL without its query. */
export async function downloadBytes(
  url: string,
  fetch: FetchFunction,
  signal: AbortSignal | undefined,
): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (cause) {
    throw connectionFailed(cause, url, signal);
  }
  if (!response.ok) {
    const text = await response.text().catch(() => "");
    throw failed(
      errorFromResponse({ status: response.status, headers: response.headers, body: text }),
      url,
      text,
    );
  }
  try {
    assertImageContentType(response.headers.get("content-type"), url);
  } catch (error) {
    throw failed(error as IdeogramError, url);
  }
  try {
    return new Uint8Array(await response.arrayBuffer());
  } catch (cause) {
    throw connectionFailed(cause, url, signal);
  }
}

/**
 * Downloads every image of an answer at once, before its signed URL expires, with the injected
 * fetch. Images the service withheld as unsafe (no URL) are left out with a warning, so the
 * result's images and entries stay index-aligned.
 */
export async function downloadImages(
  data: readonly ImageObject[],
  fetch: FetchFunction,
  signal: AbortSignal | undefined,
): Promise<DownloadedImages> {
  const warnings: SharedV4Warning[] = [];
  const entries: ImageObject[] = [];
  const urls: string[] = [];
  data.forEach((entry, index) => {
    if (!entry.url) {
      warnings.push({
        type: "other",
        message: `Ideogram withheld image ${index + 1} of ${data.length} as unsafe (is_image_safe: false); it is not in the result.`,
      });
      return;
    }
    try {
      urls.push(downloadableImageUrl(entry.url));
    } catch (error) {
      throw failed(error as IdeogramError, entry.url);
    }
    entries.push(entry);
  });
  const images = await Promise.all(urls.map((url) => downloadBytes(url, fetch, signal)));
  return { images, entries, warnings };
}
