import type { ImageConfig } from "../env.ts";
import { isPrivateHost } from "./private-address.ts";

/** Why the proxy will not fetch a URL. */
export type ImageUrlRefusal = "unsupported_url" | "host_not_allowed" | "private_address";

/** Which image URLs the proxy fetches: http(s), an IMAGE_HOSTS host, no private address unless allowed. */
export type ImageHostPolicy = Pick<ImageConfig, "hosts" | "allowPrivateHosts">;

/** Undefined when the proxy may fetch `url`, else the reason it may not. */
export function imageUrlRefusal(url: string, policy: ImageHostPolicy): ImageUrlRefusal | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "unsupported_url";
  }
  if ((parsed.protocol !== "https:" && parsed.protocol !== "http:") || parsed.username || parsed.password) {
    return "unsupported_url";
  }
  if (!policy.hosts.includes(parsed.host)) return "host_not_allowed";
  if (!policy.allowPrivateHosts && isPrivateHost(parsed.hostname)) return "private_address";
  return undefined;
}
