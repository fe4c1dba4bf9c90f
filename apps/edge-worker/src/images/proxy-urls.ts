import { imageUrlExpiresAt, type ResponseKind } from "@ideokit/core";
import type { Context } from "hono";
import type { AppEnv, Runtime } from "../context.ts";
import { mapImageUrls } from "./answer-urls.ts";
import { imageUrlRefusal } from "./host-policy.ts";
import { signImageToken } from "./image-token.ts";

/**
 * Where the worker serves proxied images: `{origin}{IMAGE_PATH}{token}?exp={unix seconds}`. The
 * `exp=` copy of the token's expiry is informational (core's imageUrlExpiresAt reads it, as on
 * upstream URLs); the route trusts only the signed token.
 */
export const IMAGE_PATH = "/ideogram/images/";

/**
 * Token lifetime: with the IMAGES bucket the image outlives the upstream link, so the retention
 * period; without it, no longer than the upstream URL's own `exp=`.
 */
function tokenExpiresAt(url: string, nowMs: number, retentionSeconds: number, persisted: boolean): number {
  const retained = Math.floor(nowMs / 1000) + retentionSeconds;
  const upstream = persisted ? undefined : imageUrlExpiresAt(url);
  return upstream === undefined ? retained : Math.min(retained, Math.floor(upstream.getTime() / 1000));
}

/**
 * The answer (of `kind`, parsed by core) with each image URL the proxy may fetch replaced by a
 * signed link to the worker (see {@link IMAGE_PATH}): image and layered answers' `data[].url`,
 * layerize's `base_image_url` and `original_image_url`. Undefined when IMAGE_SIGNING_SECRET is
 * unset (URLs pass through unchanged). A URL the proxy may not fetch (host outside IMAGE_HOSTS,
 * private address) is left as it is, and logged.
 */
export async function proxyImageUrls(
  c: Context<AppEnv>,
  runtime: Runtime,
  kind: ResponseKind,
  answer: unknown,
): Promise<unknown> {
  const { images } = c.get("config");
  if (images.signingSecret === undefined) return undefined;
  const origin = new URL(c.req.url).origin;
  const now = runtime.now();
  const persisted = c.env?.IMAGES !== undefined;
  return mapImageUrls(kind, answer, async (url) => {
    const refusal = imageUrlRefusal(url, images);
    if (refusal !== undefined) {
      c.var.log("image_url_not_proxied", { reason: refusal });
      return url;
    }
    const expiresAt = tokenExpiresAt(url, now, images.retentionSeconds, persisted);
    const token = await signImageToken({ url, expiresAt }, images);
    return `${origin}${IMAGE_PATH}${token}?exp=${expiresAt}`;
  });
}
