import type { ClientToken } from "../env.ts";
import { digest, digestsEqual } from "./constant-time.ts";

interface HashedToken {
  clientId: string;
  hash: Uint8Array;
}

const hashed = new WeakMap<ClientToken[], Promise<HashedToken[]>>();

function hashTokens(tokens: ClientToken[]): Promise<HashedToken[]> {
  let pending = hashed.get(tokens);
  if (!pending) {
    pending = Promise.all(
      tokens.map(async ({ clientId, token }) => ({ clientId, hash: await digest(token) })),
    );
    hashed.set(tokens, pending);
  }
  return pending;
}

/**
 * The client id of a static token, or undefined. Every configured token is compared, in constant
 * time, so neither the match position nor a shared prefix shows in the timing.
 */
export async function matchStaticToken(
  presented: string,
  tokens: ClientToken[],
): Promise<string | undefined> {
  if (tokens.length === 0) return undefined;
  const [candidate, known] = await Promise.all([digest(presented), hashTokens(tokens)]);
  let clientId: string | undefined;
  for (const token of known) {
    if (digestsEqual(candidate, token.hash) && clientId === undefined) clientId = token.clientId;
  }
  return clientId;
}
