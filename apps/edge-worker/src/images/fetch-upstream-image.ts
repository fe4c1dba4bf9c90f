import { APIConnectionError } from "@ideokit/core";
import { withDeadline } from "../upstream/deadline.ts";
import { type ImageHostPolicy, imageUrlRefusal } from "./host-policy.ts";

/** The upstream redirected an image request somewhere the proxy does not fetch from (or too often). */
export class ImageRedirectRefusedError extends Error {
  override name = "ImageRedirectRefusedError";
}

/** Redirects followed per image, each to an allowed target. */
const MAX_REDIRECTS = 3;

/** One image download: where from, with what, and how long to wait for the answer's headers. */
export interface ImageFetchOptions {
  policy: ImageHostPolicy;
  timeoutMs: number;
  fetch: typeof fetch;
  /** GET by default; HEAD to learn an image's type and length without its bytes. */
  method?: "GET" | "HEAD";
}

function isRedirect(status: number): boolean {
  return status >= 300 && status < 400 && status !== 304;
}

function redirectTarget(response: Response, from: string): string | undefined {
  const location = response.headers.get("location");
  if (location === null) return undefined;
  try {
    return new URL(location, from).href;
  } catch {
    return undefined;
  }
}

/**
 * Requests an image (URL already allowed by the policy) with `redirect: "manual"`, following a
 * redirect only to a target the policy allows. Resolves with the first non-redirect answer, its
 * body unread; the timeout covers the headers, not the streamed body.
 */
export function fetchUpstreamImage(url: string, options: ImageFetchOptions): Promise<Response> {
  return withDeadline(options.timeoutMs, async (signal) => {
    let target = url;
    for (let redirects = 0; ; redirects++) {
      let response: Response;
      try {
        response = await options.fetch(target, {
          method: options.method ?? "GET",
          headers: { accept: "image/*" },
          redirect: "manual",
          signal,
        });
      } catch (error) {
        throw new APIConnectionError({ message: "The image host could not be reached.", cause: error });
      }
      if (!isRedirect(response.status)) return response;
      await response.body?.cancel();
      const next = redirectTarget(response, target);
      if (redirects >= MAX_REDIRECTS || next === undefined || imageUrlRefusal(next, options.policy)) {
        throw new ImageRedirectRefusedError();
      }
      target = next;
    }
  });
}
