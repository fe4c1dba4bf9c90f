import { redactSecrets } from "@ideokit/core";

/** Hop-by-hop headers (RFC 9110 §7.6.1) never cross a proxy. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/**
 * Headers the worker owns or re-frames: the body is re-encoded, CORS and the request id are the
 * worker's, and upstream cookies or auth challenges concern the worker's key, not the client.
 */
const WORKER_OWNED = new Set([
  "content-length",
  "content-encoding",
  "content-type",
  "set-cookie",
  "www-authenticate",
  "x-request-id",
]);

/** The upstream's end-to-end headers, safe to relay, with any secret redacted from their values. */
export function relayHeaders(upstream: Headers, secrets: string[]): Headers {
  const named = new Set(
    (upstream.get("connection") ?? "")
      .split(",")
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
  const relayed = new Headers();
  for (const [name, value] of upstream) {
    if (
      HOP_BY_HOP.has(name) ||
      named.has(name) ||
      WORKER_OWNED.has(name) ||
      name.startsWith("access-control-")
    ) {
      continue;
    }
    relayed.append(name, redactSecrets(value, secrets));
  }
  const upstreamId = upstream.get("x-request-id");
  if (upstreamId) relayed.set("x-upstream-request-id", redactSecrets(upstreamId, secrets));
  return relayed;
}
