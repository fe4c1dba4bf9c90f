import {
  errorDetail,
  errorFromResponse,
  type GenerateResponse,
  parseGenerateResponseText,
  redactSecrets,
} from "@ideokit/core";
import type { Context } from "hono";
import type { AppEnv } from "../context.ts";
import { errorResponse } from "../http/error-response.ts";
import { JSON_TYPE } from "../http/media-types.ts";
import { relayHeaders } from "./response-headers.ts";
import type { UpstreamReply } from "./send.ts";

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function generateResponseOf(text: string): GenerateResponse | undefined {
  try {
    return parseGenerateResponseText(text);
  } catch {
    return undefined;
  }
}

/** A 2xx upstream answer that core parsed as a generate response, secrets already redacted. */
export interface GeneratedReply {
  status: number;
  /** The upstream's end-to-end headers, content type set. */
  headers: Headers;
  /** The body as the upstream sent it, secrets redacted. */
  text: string;
  /** The same body, parsed by core. */
  response: GenerateResponse;
}

/** Turns a parsed 2xx reply into the client's answer (caching, image URL rewriting). */
export type DeliverGenerated = (reply: GeneratedReply) => Promise<Response>;

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

/**
 * The client's copy of an upstream reply, secrets redacted. A 2xx must parse as a generate
 * response (core decides) or the client gets 502; a parsed one goes to `deliver`. An error keeps
 * its status and comes in the worker's one error shape, `{ error: { type: "upstream_error",
 * message, status, request_id } }`, the message being the upstream's own (core's errorDetail of
 * the redacted body) or, for a non-JSON page, a line of ours.
 */
export async function relayReply(
  c: Context<AppEnv>,
  reply: UpstreamReply,
  secrets: string[],
  deliver: DeliverGenerated,
): Promise<Response> {
  const { status } = reply;
  const headers = relayHeaders(reply.headers, secrets);
  const upstreamType = reply.headers.get("content-type") ?? "";
  headers.set("content-type", isJsonType(upstreamType) ? upstreamType : JSON_TYPE);
  if (status >= 200 && status < 300) {
    const text = redactJsonText(reply.text, secrets);
    const response = generateResponseOf(text);
    if (response === undefined) {
      return errorResponse(
        c,
        502,
        "bad_gateway",
        "The upstream sent a reply that is not a generate response.",
      );
    }
    return deliver({ status, headers, text, response });
  }
  if (status < 400) {
    return errorResponse(c, 502, "bad_gateway", "The upstream answered with a redirect.");
  }
  headers.set("content-type", JSON_TYPE);
  const parsed = parseJson(reply.text);
  const detail = parsed.ok
    ? errorDetail(errorFromResponse({ status, headers: reply.headers, body: parsed.value, secrets }).body)
    : undefined;
  const body = {
    error: {
      type: "upstream_error",
      message: detail ?? `The upstream answered ${status} without ${parsed.ok ? "a message" : "JSON"}.`,
      status,
      request_id: c.get("requestId"),
    },
  };
  return new Response(JSON.stringify(body), { status, headers });
}
