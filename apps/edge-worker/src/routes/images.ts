import { type Context, Hono } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv, Runtime } from "../context.ts";
import { sha256Hex } from "../crypto/encoding.ts";
import type { ImageConfig } from "../env.ts";
import { clientAddress } from "../http/client-address.ts";
import { errorResponse } from "../http/error-response.ts";
import { fetchUpstreamImage, ImageRedirectRefusedError } from "../images/fetch-upstream-image.ts";
import { imageUrlRefusal } from "../images/host-policy.ts";
import {
  declaresOversizedImage,
  type ImageAnswer,
  imageHeaders,
  matchesEtag,
  servableImageType,
  validatorHeaders,
} from "../images/image-headers.ts";
import { type ImageStores, imageStores } from "../images/image-stores.ts";
import { type ImageToken, verifyImageToken } from "../images/image-token.ts";
import type { SharedDownloads } from "../images/shared-downloads.ts";
import { streamImage } from "../images/stream-image.ts";
import { type LimitRule, rateLimit } from "../middleware/rate-limit.ts";
import type { LocalLimiter } from "../rate-limit/local-limiter.ts";
import { upstreamFailureResponse } from "../upstream/failure.ts";

/** What the image route shares with the rest of the app. */
export interface ImagesDeps {
  runtime: Runtime;
  limiter: LocalLimiter;
  downloads: SharedDownloads;
}

/** Image requests per client address, forged tokens included: each one costs a signature check or a download. */
const PER_ADDRESS: LimitRule = {
  key: (c) => `images:${clientAddress(c)}`,
  max: (config) => config.rateLimit.imageMax,
};

/** What one image request needs to answer from wherever the image is. */
interface ImageContext {
  c: Context<AppEnv>;
  token: ImageToken;
  id: string;
  validators: Pick<ImageAnswer, "etag" | "maxAgeSeconds">;
  stores: ImageStores;
  note: (event: string) => void;
}

/** Without IMAGE_SIGNING_SECRET there is no image proxy: its path is as unknown as any other. */
const proxyEnabled = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get("config").images.signingSecret === undefined) {
    return errorResponse(c, 404, "not_found", "No such route.");
  }
  await next();
});

/**
 * `GET /images/:token` (mounted under /ideogram): rate-limited per client address (429), checks the
 * token's signature and expiry (403), answers a matching If-None-Match with 304, then serves the
 * image from the edge cache, else the IMAGES bucket, else the upstream (an allowed host, redirects
 * checked; concurrent requests for one image share one download), streaming it to the client
 * while copies go to the stores that lack it. HEAD is answered from what the stores know, else
 * from an upstream HEAD: no image bytes are fetched for it.
 */
export function imagesRoute({ runtime, limiter, downloads }: ImagesDeps): Hono<AppEnv> {
  const route = new Hono<AppEnv>();
  route.use("/images/*", proxyEnabled, rateLimit(limiter, PER_ADDRESS));
  route.get("/images/:token", async (c) => {
    const { images } = c.get("config");
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
      return c.newResponse(null, { status: 304, headers: validatorHeaders(validators) });
    }
    const note = c.var.log;
    const stores = await imageStores({
      runtime,
      bucket: c.env?.IMAGES,
      origin: new URL(c.req.url).origin,
      id,
      edgeExpiresAt: token.expiresAt * 1000,
      note,
    });
    const request: ImageContext = { c, token, id, validators, stores, note };
    if (c.req.method === "HEAD") return describeImage(request, runtime);

    const edgeCopy = await stores.readEdge();
    if (edgeCopy) {
      return streamImage(c, edgeCopy.body, { ...validators, ...edgeCopy }, "HIT", { writers: [] }, note);
    }
    const bucketCopy = await stores.readBucket();
    if (bucketCopy) {
      return streamImage(
        c,
        bucketCopy.body,
        { ...validators, ...bucketCopy },
        "HIT",
        { writers: stores.writers(["edge"]) },
        note,
      );
    }
    const running = downloads.running(id);
    if (running) {
      const shared = await running;
      if (shared === undefined) return imageUnavailable(c, note, "the shared download failed");
      const described = { ...validators, ...shared.described };
      return streamImage(c, shared.bytes.stream(), described, "MISS", { writers: [] }, note);
    }
    return download(request, runtime, downloads);
  });
  return route;
}

/** Fetches the image from the upstream for this request and any that join it meanwhile. */
async function download(
  request: ImageContext,
  runtime: Runtime,
  downloads: SharedDownloads,
): Promise<Response> {
  const { c, id, validators, stores, note } = request;
  const shared = downloads.start(id);
  let response: Response;
  try {
    response = await askUpstream(request, runtime, "GET");
  } catch (error) {
    shared.settle(undefined);
    return downloadFailure(c, error, note);
  }
  const served = servableAnswer(response);
  if (served === undefined || response.body === null) {
    shared.settle(undefined);
    await response.body?.cancel();
    return imageUnavailable(c, note, `status ${response.status}`);
  }
  const copies = {
    writers: stores.writers(["edge", "bucket"]),
    share: (bytes: Blob | undefined) => shared.settle(bytes && { described: served, bytes }),
  };
  return streamImage(c, response.body, { ...validators, ...served }, "MISS", copies, note);
}

/** HEAD: the image's headers from the edge copy, the bucket's metadata or an upstream HEAD; never its bytes. */
async function describeImage(request: ImageContext, runtime: Runtime): Promise<Response> {
  const { c, validators, stores, note } = request;
  const edgeCopy = await stores.readEdge();
  if (edgeCopy) {
    await edgeCopy.body.cancel();
    return c.newResponse(null, { headers: imageHeaders({ ...validators, ...edgeCopy }, "HIT") });
  }
  const bucketCopy = await stores.describeBucket();
  if (bucketCopy) {
    return c.newResponse(null, { headers: imageHeaders({ ...validators, ...bucketCopy }, "HIT") });
  }
  let response: Response;
  try {
    response = await askUpstream(request, runtime, "HEAD");
  } catch (error) {
    return downloadFailure(c, error, note);
  }
  await response.body?.cancel();
  const served = servableAnswer(response);
  if (served === undefined) return imageUnavailable(c, note, `status ${response.status}`);
  return c.newResponse(null, { headers: imageHeaders({ ...validators, ...served }, "MISS") });
}

/** The token's image from the upstream (GET its bytes, HEAD its headers), under the configured host policy and timeout. */
function askUpstream(
  { c, token }: ImageContext,
  runtime: Runtime,
  method: "GET" | "HEAD",
): Promise<Response> {
  const { images, upstream } = c.get("config");
  return fetchUpstreamImage(token.url, {
    policy: images,
    timeoutMs: upstream.timeoutMs,
    fetch: runtime.fetch,
    method,
  });
}

/**
 * The type and length of an upstream answer the proxy may pass on; undefined for a non-2xx, a type
 * it does not serve or a declared length over its limit.
 */
function servableAnswer(response: Response): Pick<ImageAnswer, "contentType" | "contentLength"> | undefined {
  const contentType = servableImageType(response.headers.get("content-type"));
  const contentLength = response.headers.get("content-length");
  if (!response.ok || contentType === undefined || declaresOversizedImage(contentLength)) return undefined;
  return { contentType, contentLength };
}

/** 502 image_unavailable: the upstream did not serve something the proxy may pass on. */
function imageUnavailable(c: Context<AppEnv>, note: (event: string) => void, why: string): Response {
  note("image_unavailable");
  return errorResponse(c, 502, "image_unavailable", `The upstream did not serve the image (${why}).`);
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
  const failure = upstreamFailureResponse(c, error);
  if (failure === undefined) throw error;
  return failure;
}
