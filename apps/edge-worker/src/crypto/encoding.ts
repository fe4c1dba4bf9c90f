const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** A string from UTF-8 bytes; throws on malformed input. */
export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** Unpadded base64url (RFC 4648 §5) of bytes. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/**
 * Bytes of an unpadded base64url string, or undefined when it is not one. Only the canonical
 * spelling is accepted: the unused low bits of the last character must be zero, so one value has one
 * token (tokens key the edge cache and the access log).
 */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[\w-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return toBase64Url(bytes) === text ? bytes : undefined;
}

function hex(digest: ArrayBuffer): string {
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Lower-case hex of SHA-256 over a string's UTF-8 bytes. */
export async function sha256Hex(text: string): Promise<string> {
  return hex(await crypto.subtle.digest("SHA-256", utf8(text)));
}

/**
 * Lower-case hex of SHA-256 over a Blob's bytes, streamed through workerd's DigestStream so an
 * upload is never copied to be hashed; where there is none (Node, for the bench) the bytes are
 * read whole.
 */
export async function blobSha256Hex(blob: Blob): Promise<string> {
  if (typeof DigestStream === "undefined")
    return hex(await crypto.subtle.digest("SHA-256", await blob.arrayBuffer()));
  const digest = new DigestStream("SHA-256");
  await blob.stream().pipeTo(digest);
  return hex(await digest.digest);
}
