import type { Context } from "hono";
import { CACHE_STATUS_HEADER, type CacheStatus } from "../cache/generate-cache.ts";
import type { AppEnv, Runtime } from "../context.ts";
import { proxyImageUrls } from "../images/proxy-urls.ts";
import type { GeneratedReply } from "./relay.ts";

/** The client's copy of a generate answer (from the upstream or the cache): image URLs proxied, cache status set. */
export async function deliverGenerated(
  c: Context<AppEnv>,
  runtime: Runtime,
  reply: GeneratedReply,
  status: CacheStatus,
): Promise<Response> {
  const proxied = await proxyImageUrls(c, runtime, reply.response);
  const headers = new Headers(reply.headers);
  headers.set(CACHE_STATUS_HEADER, status);
  const body = proxied === undefined ? reply.text : JSON.stringify(proxied);
  return new Response(body, { status: reply.status, headers });
}
