import { errorFromResponse, parseGenerateResponse, redactSecrets } from "@ideokit/core";
import type { Context } from "hono";
import type { AppEnv } from "../context.ts";
import { errorResponse } from "../http/error-response.ts";
import { relayHeaders } from "./response-headers.ts";
import type { UpstreamReply } from "./send.ts";

const JSON_TYPE = "application/json; charset=UTF-8";

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function isGenerateResponse(value: unknown): boolean {
  try {
    parseGenerateResponse(value);
    return true;
  } catch {
    return false;
  }
}

/** Each secret as it is written raw and inside a JSON string, so text redaction catches both. */
function withJsonEscapes(secrets: string[]): string[] {
  return [...secrets, ...secrets.map((secret) => JSON.stringify(secret).slice(1, -1))];
}

/**
 * The client's copy of an upstream reply, secrets redacted. A 2xx must parse as a generate
 * response (core decides) or the client gets 502. An error keeps its status and JSON body (core's
 * errorFromResponse redacts it); a non-JSON error page keeps its status with a JSON body of ours.
 */
export function relayReply(c: Context<AppEnv>, reply: UpstreamReply, secrets: string[]): Response {
  const { status } = reply;
  const parsed = parseJson(reply.text);
  const headers = relayHeaders(reply.headers, secrets);
  const upstreamType = reply.headers.get("content-type") ?? "";
  headers.set("content-type", /\bjson\b/i.test(upstreamType) ? upstreamType : JSON_TYPE);
  if (status >= 200 && status < 300) {
    if (!parsed.ok || !isGenerateResponse(parsed.value)) {
      return errorResponse(
        c,
        502,
        "bad_gateway",
        "The upstream sent a reply that is not a generate response.",
      );
    }
    return new Response(redactSecrets(reply.text, withJsonEscapes(secrets)), { status, headers });
  }
  if (status < 400) {
    return errorResponse(c, 502, "bad_gateway", "The upstream answered with a redirect.");
  }
  if (!parsed.ok) {
    headers.set("content-type", JSON_TYPE);
    const body = {
      error: {
        type: "upstream_error",
        message: `The upstream answered ${status} without JSON.`,
        request_id: c.get("requestId"),
      },
    };
    return new Response(JSON.stringify(body), { status, headers });
  }
  const error = errorFromResponse({ status, headers: reply.headers, body: parsed.value, secrets });
  return new Response(JSON.stringify(error.body), { status, headers });
}
