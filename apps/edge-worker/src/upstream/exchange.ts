import { APIConnectionError, APITimeoutError, type TableOperation } from "@ideokit/core";
import type { Context } from "hono";
import type { AppEnv, Runtime } from "../context.ts";
import { TooManyBytesError } from "../http/limit-bytes.ts";
import { readAtMost } from "../http/read-at-most.ts";
import { withDeadline } from "./deadline.ts";
import { failureOf } from "./failure.ts";
import type { KeyStore } from "./key-store.ts";
import { type Outcome, relayReply, type UpstreamReply } from "./relay.ts";

/** The most of an upstream answer the worker reads: an answer is a few kilobytes. */
export const MAX_UPSTREAM_BYTES = 1024 * 1024;

/** What an exchange needs beyond the request: the runtime and the isolate's key cache. */
export interface ExchangeDeps {
  runtime: Runtime;
  keys: KeyStore;
}

/**
 * Sends one request, built by core from the checked input, with the upstream key. Redirects are
 * not followed, so the key never travels to another host; UPSTREAM_TIMEOUT_MS covers the body as
 * well, which is read up to {@link MAX_UPSTREAM_BYTES}. Failures are core's errors: APITimeoutError,
 * or APIConnectionError (caused by TooManyBytesError for an oversized answer).
 */
async function send(
  c: Context<AppEnv>,
  operation: TableOperation,
  apiKey: string,
  fetch: typeof globalThis.fetch,
): Promise<UpstreamReply> {
  const { baseURL, auth, timeoutMs } = c.get("config").upstream;
  const built = operation.build(c.get("input"), {
    baseURL,
    auth,
    apiKey,
    headers: { "x-request-id": c.get("requestId") },
  });
  try {
    return await withDeadline(timeoutMs, async (signal) => {
      const response = await fetch(built.url, {
        method: built.method,
        headers: built.headers,
        body: built.body,
        redirect: "manual",
        signal,
      });
      const body = await readAtMost(response.body, MAX_UPSTREAM_BYTES, signal);
      if (body === undefined) {
        const cause = new TooManyBytesError(`more than ${MAX_UPSTREAM_BYTES} bytes`);
        throw new APIConnectionError({ message: "The upstream's answer is too large.", cause });
      }
      return { status: response.status, headers: response.headers, text: await body.text() };
    });
  } catch (error) {
    if (error instanceof APITimeoutError || error instanceof APIConnectionError) throw error;
    throw new APIConnectionError({ message: "The upstream could not be reached.", cause: error });
  }
}

/**
 * The request's exchange with the upstream, as an {@link Outcome}: the key read (KV, else the
 * IDEOGRAM_API_KEY secret; none → 503), the call, and on a 401 one more call if a fresh read of
 * the key yields a different one. The key appears in no reply, header or log line.
 */
export async function exchange(
  c: Context<AppEnv>,
  operation: TableOperation,
  { runtime, keys }: ExchangeDeps,
): Promise<Outcome> {
  const config = c.get("config");
  const secrets = config.key.secret ? [config.key.secret] : [];
  const readKey = async (): Promise<string | undefined> => {
    try {
      const key = await keys.get(c.env ?? {}, config);
      if (key !== undefined) secrets.push(key);
      return key;
    } catch {
      // KV is down: the secret, when set, still serves (it is in `secrets` already).
      c.var.log("upstream_key_read_failed");
      return config.key.secret;
    }
  };
  try {
    const apiKey = await readKey();
    if (apiKey === undefined) {
      const failure = {
        status: 503,
        type: "service_unavailable",
        message: "The service is not available.",
        event: "upstream_key_missing",
      } as const;
      return { kind: "failure", failure };
    }
    let reply = await send(c, operation, apiKey, runtime.fetch);
    if (reply.status === 401) {
      keys.drop();
      const freshKey = await readKey();
      if (freshKey !== undefined && freshKey !== apiKey) {
        c.var.log("upstream_key_refreshed");
        reply = await send(c, operation, freshKey, runtime.fetch);
      }
    }
    return relayReply(operation, reply, secrets);
  } catch (error) {
    const failure = failureOf(error);
    if (failure === undefined) throw error;
    return { kind: "failure", failure };
  }
}
