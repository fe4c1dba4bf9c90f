import { redactSecrets } from "@ideokit/core";

/** Upstream headers outside `x-*` and `ratelimit*` that a client acts on: the retry policy's inputs. */
const RELAYED = new Set(["retry-after", "retry-after-ms"]);

/**
 * Whether an upstream header reaches the client: the retry policy's inputs, rate-limit state
 * (`ratelimit*`) and the service's own `x-` headers. Everything else stays behind, because the
 * client's browser would apply it to the worker's origin (Strict-Transport-Security,
 * Clear-Site-Data, NEL and Report-To, Alt-Svc, Link, Refresh, Set-Cookie, …) or because the worker
 * re-frames the body (hop-by-hop headers, Content-Length, Content-Encoding) and owns the request id.
 */
function isRelayed(name: string): boolean {
  if (name === "x-request-id") return false;
  return RELAYED.has(name) || name.startsWith("x-") || name.startsWith("ratelimit");
}

/** The upstream's relayable headers (see isRelayed), with any secret redacted from their values. */
export function relayHeaders(upstream: Headers, secrets: string[]): Headers {
  const named = new Set(
    (upstream.get("connection") ?? "")
      .split(",")
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
  const relayed = new Headers();
  for (const [name, value] of upstream) {
    if (isRelayed(name) && !named.has(name)) relayed.append(name, redactSecrets(value, secrets));
  }
  const upstreamId = upstream.get("x-request-id");
  if (upstreamId) relayed.set("x-upstream-request-id", redactSecrets(upstreamId, secrets));
  return relayed;
}
