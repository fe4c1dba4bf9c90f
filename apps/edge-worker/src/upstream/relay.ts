import { errorDetail, errorFromResponse, redactSecrets, type TableOperation } from "@ideokit/core";
import { JSON_TYPE } from "../http/media-types.ts";
import type { Failure } from "./failure.ts";
import { relayHeaders } from "./response-headers.ts";

/** What came back from the upstream, body read in full within the timeout. */
export interface UpstreamReply {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * What the client is told of one upstream exchange, as data (requests sharing the exchange each
 * render it with their own request id): a parsed 2xx answer, an upstream error (its status and
 * message kept) or a failure of the worker's own.
 */
export type Outcome =
  | { kind: "answer"; status: number; headers: Headers; text: string; output: unknown }
  | { kind: "upstream_error"; status: number; headers: Headers; message: string }
  | { kind: "failure"; failure: Failure; headers?: Headers };

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Each secret as it is written raw and inside a JSON string, so text redaction catches both. */
function withJsonEscapes(secrets: string[]): string[] {
  return [...secrets, ...secrets.map((secret) => JSON.stringify(secret).slice(1, -1))];
}

/**
 * A JSON body with every secret redacted, however it was escaped. The text keeps the upstream's
 * own formatting unless a secret survives in a form text matching cannot see (`\u0073k-…`, PHP's
 * `\/`): then it is written anew from its parsed value, where every escape has been undone.
 */
function redactJsonText(text: string, secrets: string[]): string {
  const escaped = withJsonEscapes(secrets);
  const redacted = redactSecrets(text, escaped);
  const parsed = parseJson(redacted);
  if (!parsed.ok) return redacted;
  const normalised = JSON.stringify(parsed.value);
  const rewritten = redactSecrets(normalised, escaped);
  return rewritten === normalised ? redacted : rewritten;
}

/** Whether a content type names JSON (`application/json`, or a `+json` type such as problem+json). */
function isJsonType(contentType: string): boolean {
  return /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i.test(contentType);
}

const NOT_AN_ANSWER = (operation: TableOperation): Failure => ({
  status: 502,
  type: "bad_gateway",
  message: `The upstream sent a reply that is not a ${operation.id} response.`,
  event: "upstream_bad_reply",
});

/**
 * The client's view of an upstream reply, secrets redacted. A 2xx must parse as the operation's
 * response (core decides) or the client gets 502; a redirect is a 502 too. An error keeps its
 * status and is told in the worker's one error shape, its message the upstream's own (core's
 * errorDetail of the redacted body) or, for a non-JSON page, a line of ours.
 */
export function relayReply(operation: TableOperation, reply: UpstreamReply, secrets: string[]): Outcome {
  const { status } = reply;
  const headers = relayHeaders(reply.headers, secrets);
  if (status >= 200 && status < 300) {
    const upstreamType = reply.headers.get("content-type") ?? "";
    headers.set("content-type", isJsonType(upstreamType) ? upstreamType : JSON_TYPE);
    const text = redactJsonText(reply.text, secrets);
    const parsed = parseJson(text);
    const output = parsed.ok ? operation.safeParse(parsed.value) : undefined;
    if (output === undefined || !output.success)
      return { kind: "failure", failure: NOT_AN_ANSWER(operation) };
    return { kind: "answer", status, headers, text, output: output.data };
  }
  if (status < 400) {
    const message = "The upstream answered with a redirect.";
    return {
      kind: "failure",
      failure: { status: 502, type: "bad_gateway", message, event: "upstream_redirect" },
    };
  }
  const parsed = parseJson(reply.text);
  const detail = parsed.ok
    ? errorDetail(errorFromResponse({ status, headers: reply.headers, body: parsed.value, secrets }).body)
    : undefined;
  const message = detail ?? `The upstream answered ${status} without ${parsed.ok ? "a message" : "JSON"}.`;
  return { kind: "upstream_error", status, headers, message };
}
