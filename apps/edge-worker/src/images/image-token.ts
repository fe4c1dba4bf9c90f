import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from "../crypto/encoding.ts";
import type { ImageConfig } from "../env.ts";

/** What a signed image token carries: the upstream image URL and when the token stops working. */
export interface ImageToken {
  url: string;
  /** Unix seconds. */
  expiresAt: number;
}

/** Longer tokens are refused before any crypto: a real one is a few hundred characters. */
const MAX_TOKEN_LENGTH = 4096;
const SIGNATURE_BYTES = 32;

const keys = new WeakMap<ImageConfig, Promise<CryptoKey>>();

function signingKey(images: ImageConfig): Promise<CryptoKey> {
  let key = keys.get(images);
  if (key === undefined) {
    if (images.signingSecret === undefined) throw new Error("image signing needs IMAGE_SIGNING_SECRET");
    key = crypto.subtle.importKey(
      "raw",
      utf8(images.signingSecret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign", "verify"],
    );
    keys.set(images, key);
  }
  return key;
}

/** `base64url(JSON payload).base64url(HMAC-SHA256(IMAGE_SIGNING_SECRET, payload part))`. */
export async function signImageToken(token: ImageToken, images: ImageConfig): Promise<string> {
  const payload = toBase64Url(utf8(JSON.stringify({ u: token.url, e: token.expiresAt })));
  const signature = await crypto.subtle.sign("HMAC", await signingKey(images), utf8(payload));
  return `${payload}.${toBase64Url(new Uint8Array(signature))}`;
}

/**
 * The token's content when its signature is right, else undefined (expiry is the caller's to
 * check). `subtle.verify` compares the MAC in constant time; the payload is read only once trusted.
 */
export async function verifyImageToken(token: string, images: ImageConfig): Promise<ImageToken | undefined> {
  if (token.length > MAX_TOKEN_LENGTH) return undefined;
  const [payload, signature, extra] = token.split(".");
  if (payload === undefined || signature === undefined || extra !== undefined) return undefined;
  const mac = fromBase64Url(signature);
  if (mac === undefined || mac.length !== SIGNATURE_BYTES) return undefined;
  if (!(await crypto.subtle.verify("HMAC", await signingKey(images), mac, utf8(payload)))) return undefined;
  try {
    const { u, e } = JSON.parse(fromUtf8(fromBase64Url(payload) ?? new Uint8Array()));
    return typeof u === "string" && Number.isSafeInteger(e) ? { url: u, expiresAt: e } : undefined;
  } catch {
    return undefined;
  }
}
