import { redactSecrets } from "@ideokit/core";

/**
 * The upstream headers a client acts on, by exact name: the retry policy's inputs and rate-limit
 * state (RFC 9331's fields). Anything else stays behind: a prefix rule (`x-*`) would relay a header
 * named after the key, and the client's browser would apply origin-wide headers
 * (Strict-Transport-Security, Clear-Site-Data, Set-Cookie, …) to the worker's origin. Hop-by-hop
 * headers, Content-Length and Content-Encoding are the worker's own, as is the request id.
 */
const RELAYED = new Set([
  "retry-after",
  "retry-after-ms",
  "x-should-retry",
  "ratelimit",
  "ratelimit-policy",
  "ratelimit-limit",
  "ratelimit-remaining",
  "ratelimit-reset",
]);

/** Whether a header value carries a secret in any form core's redaction recognises. */
function holdsSecret(value: string, secrets: string[]): boolean {
  return redactSecrets(value, secrets) !== value;
}

/**
 * The upstream's allow-listed headers (see {@link RELAYED}) and its request id as
 * `x-upstream-request-id`; a header whose value carries a secret is dropped, not redacted, since a
 * partly redacted value is no use to a client.
 */
export function relayHeaders(upstream: Headers, secrets: string[]): Headers {
  // A header the upstream lists in Connection is hop-by-hop for that answer, whatever its name.
  const hopByHop = new Set(
    (upstream.get("connection") ?? "").split(",").map((name) => name.trim().toLowerCase()),
  );
  const relayed = new Headers();
  for (const [name, value] of upstream) {
    if (RELAYED.has(name) && !hopByHop.has(name) && !holdsSecret(value, secrets)) relayed.append(name, value);
  }
  const upstreamId = upstream.get("x-request-id");
  if (upstreamId && !holdsSecret(upstreamId, secrets)) relayed.set("x-upstream-request-id", upstreamId);
  return relayed;
}
