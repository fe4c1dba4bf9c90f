import type { TableOperation } from "@ideokit/core";
import { blobSha256Hex, sha256Hex } from "../crypto/encoding.ts";
import type { Config } from "../env.ts";
import { canonicalJson } from "./canonical-json.ts";

/** Bump when the key's recipe changes, so old entries are never read under a new meaning. */
const KEY_VERSION = 2;

/** A file as the key sees it: its bytes' digest and length (its name and declared type change nothing the service reads). */
async function fileKey(value: unknown): Promise<unknown> {
  if (Array.isArray(value)) return Promise.all(value.map(fileKey));
  if (value instanceof Blob) return { sha256: await blobSha256Hex(value), bytes: value.size };
  return value;
}

/**
 * SHA-256 (hex) of a checked request as the upstream sees it: the operation's path, every field
 * with the service's default filled in where it is absent (naming a default changes nothing) and
 * each uploaded file by the digest of its bytes, key order normalised; plus the upstream's
 * identity (base URL and auth scheme, never the key) and, for a `client`-scoped cache, the client
 * id; for a `shared` one nothing about the client, so every client shares the entry.
 */
export async function operationCacheKey(
  operation: TableOperation,
  input: Record<string, unknown>,
  upstream: Config["upstream"],
  client: string | undefined,
): Promise<string> {
  const fields: Record<string, unknown> = {};
  for (const name of operation.fieldNames) {
    const value = input[name] ?? operation.fields[name]?.default;
    if (value !== undefined) fields[name] = await fileKey(value);
  }
  return sha256Hex(
    canonicalJson({
      v: KEY_VERSION,
      operation: operation.path,
      upstream: upstream.baseURL,
      auth: upstream.auth,
      ...(client === undefined ? {} : { client }),
      input: fields,
    }),
  );
}
