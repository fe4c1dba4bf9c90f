import type { GenerateRequest } from "@ideokit/core";
import type { Context } from "hono";
import { CACHE_STATUS_HEADER, generateCacheFor } from "../cache/generate-cache.ts";
import type { AppEnv, Runtime } from "../context.ts";
import { errorResponse } from "../http/error-response.ts";
import { JSON_TYPE } from "../http/media-types.ts";
import { deliverGenerated } from "./deliver.ts";
import type { KeyStore } from "./key-store.ts";
import { type DeliverGenerated, relayReply } from "./relay.ts";
import { sendGenerate } from "./send.ts";
import { upstreamFailureResponse } from "./upstream-errors.ts";

/** What forwarding needs beyond the request: the runtime and the isolate's key cache. */
export interface ForwardDeps {
  runtime: Runtime;
  keys: KeyStore;
}

/**
 * Answers a validated request from the generation cache when it holds a fresh answer (seeded
 * requests only; no key read, no upstream call), else forwards it and caches a 200. Every answer
 * says which in `x-ideokit-cache`.
 */
export async function forwardGenerate(
  c: Context<AppEnv>,
  request: GenerateRequest,
  deps: ForwardDeps,
): Promise<Response> {
  const cache = await generateCacheFor(c, request, deps.runtime);
  const hit = await cache.lookup();
  if (hit !== undefined) {
    const headers = new Headers({ "content-type": JSON_TYPE });
    return deliverGenerated(c, deps.runtime, { status: 200, headers, ...hit }, "HIT");
  }
  const deliver: DeliverGenerated = async (reply) => {
    if (reply.status === 200) await cache.store(reply);
    return deliverGenerated(c, deps.runtime, reply, cache.status);
  };
  const response = await sendToUpstream(c, request, deps, deliver);
  response.headers.set(CACHE_STATUS_HEADER, cache.status);
  return response;
}

/**
 * Sends a validated request with the upstream key and relays the reply. On a 401 the cached
 * key is dropped and, if a fresh read yields a different key, the call is sent once more with it.
 * Unreachable or oversized → 502, timeout → 504, no key (KV failing and no IDEOGRAM_API_KEY) → 503;
 * the key appears in no reply, header or log line.
 */
async function sendToUpstream(
  c: Context<AppEnv>,
  request: GenerateRequest,
  { runtime, keys }: ForwardDeps,
  deliver: DeliverGenerated,
): Promise<Response> {
  const config = c.get("config");
  const requestId = c.get("requestId");
  const note = (event: string) => runtime.log({ request_id: requestId, event });
  const secrets = config.key.secret ? [config.key.secret] : [];
  const readKey = async (): Promise<string | undefined> => {
    try {
      const key = await keys.get(c.env ?? {}, config);
      if (key !== undefined) secrets.push(key);
      return key;
    } catch {
      // KV is down: the secret, when set, still serves (it is in `secrets` already).
      note("upstream_key_read_failed");
      return config.key.secret;
    }
  };
  const send = (apiKey: string) => sendGenerate({ request, apiKey, config, requestId, fetch: runtime.fetch });

  try {
    const apiKey = await readKey();
    if (apiKey === undefined) {
      note("upstream_key_missing");
      return errorResponse(c, 503, "service_unavailable", "The service is not available.");
    }
    let reply = await send(apiKey);
    if (reply.status === 401) {
      keys.drop();
      const freshKey = await readKey();
      if (freshKey !== undefined && freshKey !== apiKey) {
        note("upstream_key_refreshed");
        reply = await send(freshKey);
      }
    }
    return await relayReply(c, reply, secrets, deliver);
  } catch (error) {
    const failure = upstreamFailureResponse(c, error, note);
    if (failure === undefined) throw error;
    return failure;
  }
}
