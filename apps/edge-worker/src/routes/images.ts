import { type Context, Hono } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv, Runtime } from "../context.ts";
import { sha256Hex } from "../crypto/encoding.ts";
import type { ImageConfig } from "../env.ts";
import { errorResponse } from "../http/error-response.ts";
import { methodNotAllowed } from "../http/method-not-allowed.ts";
import { fetchUpstreamImage, ImageRedirectRefusedError } from "../images/fetch-upstream-image.ts";
import { imageUrlRefusal } from "../images/host-policy.ts";
import {
  declaresOversizedImage,
  matchesEtag,
  servableImageType,
  validatorHeaders,
} from "../images/image-headers.ts";
import { imageStores } from "../images/image-stores.ts";
import { type ImageToken, verifyImageToken } from "../images/image-token.ts";
import { streamImage } from "../images/stream-image.ts";
import { upstreamFailureResponse } from "../upstream/upstream-errors.ts";

/** Without IMAGE_SIGNING_SECRET there is no image proxy: its path is as unknown as any other. */
const proxyEnabled = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get("config").images.signingSecret === undefined) {
    return errorResponse(c, 404, "not_found", "No such route.");
  }
  await next();
});

/**
 * `GET /images/:token` (mounted under /ideogram): checks the token's signature and expiry (403),
 * answers a matching If-None-Match with 304, then serves the image from the edge cache, else the
 * IMAGES bucket, else the upstream (an allowed host, redirects checked), streaming it to the client
 * while copies go to the stores that lack it.
 */
export function imagesRoute(runtime: Runtime): Hono<AppEnv> {
  const route = new Hono<AppEnv>();
  route.use("/images/*", proxyEnabled);
  route.get("/images/:token", async (c) => {
    const { images, upstream } = c.get("config");
    const now = runtime.now();
    const token = usableToken(c, await verifyImageToken(c.req.param("token"), images), images, now);
    if (token instanceof Response) return token;

    // One image, one id: the hash of its upstream URL keys both stores and makes its ETag.
    const id = await sha256Hex(token.url);
    const validators = {
      etag: `"${id.slice(0, 32)}"`,
      maxAgeSeconds: token.expiresAt - Math.floor(now / 1000),
    };
    if (matchesEtag(c.req.header("if-none-match"), validators.etag)) {
      return new Response(null, { status: 304, headers: validatorHeaders(validators) });
    }
    const note = (event: string) => runtime.log({ request_id: c.get("requestId"), event });
    const stores = await imageStores({
      runtime,
      bucket: c.env?.IMAGES,
      origin: new URL(c.req.url).origin,
      id,
      edgeExpiresAt: token.expiresAt * 1000,
      note,
    });

    const edgeCopy = await stores.readEdge();
    if (edgeCopy) return streamImage(c, edgeCopy.body, { ...validators, ...edgeCopy }, "HIT", [], note);
    const bucketCopy = await stores.readBucket();
    if (bucketCopy) {
      return streamImage(
        c,
        bucketCopy.body,
        { ...validators, ...bucketCopy },
        "HIT",
        stores.writers(["edge"]),
        note,
      );
    }

    let response: Response;
    try {
      response = await fetchUpstreamImage(token.url, {
        policy: images,
        timeoutMs: upstream.timeoutMs,
        fetch: runtime.fetch,
      });
    } catch (error) {
      return downloadFailure(c, error, note);
    }
    const contentType = servableImageType(response.headers.get("content-type"));
    const contentLength = response.headers.get("content-length");
    if (
      !response.ok ||
      response.body === null ||
      contentType === undefined ||
      declaresOversizedImage(contentLength)
    ) {
      await response.body?.cancel();
      note("image_unavailable");
      return errorResponse(
        c,
        502,
        "image_unavailable",
        `The upstream did not serve the image (status ${response.status}).`,
      );
    }
    const described = { ...validators, contentType, contentLength };
    return streamImage(c, response.body, described, "MISS", stores.writers(["edge", "bucket"]), note);
  });
  route.all("/images/:token", methodNotAllowed(["GET", "HEAD"]));
  return route;
}

/** The verified token, or the 403 for one that is not valid, has expired or names a host the proxy may not fetch from. */
function usableToken(
  c: Context<AppEnv>,
  token: ImageToken | undefined,
  images: ImageConfig,
  now: number,
): ImageToken | Response {
  if (token === undefined) {
    return errorResponse(c, 403, "invalid_image_token", "This image link is not valid.");
  }
  if (token.expiresAt * 1000 <= now) {
    return errorResponse(
      c,
      403,
      "image_link_expired",
      "This image link has expired; generate the image again.",
    );
  }
  if (imageUrlRefusal(token.url, images) !== undefined) {
    return errorResponse(
      c,
      403,
      "image_host_not_allowed",
      "This image link points to a host the worker does not fetch from.",
    );
  }
  return token;
}

/** The answer for a download that failed before any answer: refused redirect 502, timeout 504, network 502. */
function downloadFailure(c: Context<AppEnv>, error: unknown, note: (event: string) => void): Response {
  if (error instanceof ImageRedirectRefusedError) {
    note("image_redirect_refused");
    return errorResponse(
      c,
      502,
      "image_redirect_refused",
      "The upstream redirected the image somewhere the worker does not fetch from.",
    );
  }
  const failure = upstreamFailureResponse(c, error, note);
  if (failure === undefined) throw error;
  return failure;
}
