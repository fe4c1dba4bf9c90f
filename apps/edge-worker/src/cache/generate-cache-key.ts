import { DEFAULT_MODEL, DEFAULT_NUM_IMAGES, generateUrl, type ImageRequest } from "@ideokit/core";
import { sha256Hex } from "../crypto/encoding.ts";
import type { Config } from "../env.ts";
import { canonicalJson } from "./canonical-json.ts";

/** Defaults the service applies to an absent field, from core: naming them changes nothing. */
const SERVICE_DEFAULTS: Partial<ImageRequest> = { model: DEFAULT_MODEL, num_images: DEFAULT_NUM_IMAGES };

/** Bump when the key's recipe changes, so old entries are never read under a new meaning. */
const KEY_VERSION = 1;

/**
 * SHA-256 (hex) of a generate request as the upstream sees it: key order and service defaults
 * normalised, plus the upstream's identity (generate URL and auth scheme, never the key) and, for a
 * `client`-scoped cache, the client id; for a `shared` one nothing about the client, so every
 * client shares the entry.
 */
export function generateCacheKey(
  request: ImageRequest,
  upstream: Config["upstream"],
  client: string | undefined,
): Promise<string> {
  return sha256Hex(
    canonicalJson({
      v: KEY_VERSION,
      upstream: generateUrl(upstream.baseURL),
      auth: upstream.auth,
      ...(client === undefined ? {} : { client }),
      image_request: { ...SERVICE_DEFAULTS, ...request },
    }),
  );
}
