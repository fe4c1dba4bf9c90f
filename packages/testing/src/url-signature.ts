/** Signs and checks image URLs with HMAC-SHA256 (Web Crypto), like the real service's sig= parameter. */
export interface UrlSigner {
  sign(id: string, expiresAt: number): Promise<string>;
  verify(id: string, expiresAt: number, signature: string): Promise<boolean>;
}

/**
 * A signer keyed by `secret` (default: random). The key is made on first use, because workerd
 * forbids random values at global scope, where a Worker would typically create its emulator.
 */
export function createUrlSigner(secret?: string): UrlSigner {
  const encoder = new TextEncoder();
  let key: Promise<CryptoKey> | undefined;
  const sign = async (id: string, expiresAt: number) => {
    key ??= crypto.subtle.importKey(
      "raw",
      encoder.encode(secret ?? randomSecret()),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
    const mac = await crypto.subtle.sign("HMAC", await key, encoder.encode(`${id}:${expiresAt}`));
    return [...new Uint8Array(mac)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  };
  return {
    sign,
    async verify(id, expiresAt, signature) {
      const expected = await sign(id, expiresAt);
      let difference = expected.length ^ signature.length;
      for (let i = 0; i < expected.length; i++)
        difference |= expected.charCodeAt(i) ^ signature.charCodeAt(i);
      return difference === 0;
    },
  };
}

function randomSecret(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))]
    .map((byte) => byte.toString(16).padStart(2, "0"))
    .join("");
}
