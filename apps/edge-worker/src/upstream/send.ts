import { buildGenerateRequest, type GenerateRequest } from "@ideokit/core";
import type { Config } from "../env.ts";

/** What came back from the upstream, body read in full within the timeout. */
export interface UpstreamReply {
  status: number;
  headers: Headers;
  text: string;
}

/** The upstream did not answer within UPSTREAM_TIMEOUT_MS. */
export class UpstreamTimeoutError extends Error {
  override name = "UpstreamTimeoutError";
}

/** The upstream could not be reached (DNS, connection, TLS, reset). */
export class UpstreamUnreachableError extends Error {
  override name = "UpstreamUnreachableError";
}

/** One call to the upstream: what to send and how. */
export interface SendOptions {
  request: GenerateRequest;
  apiKey: string;
  config: Config;
  requestId: string;
  fetch: typeof fetch;
}

/**
 * Sends a generate request built by core with the upstream key, and reads the reply. Redirects are
 * not followed, so the key never travels to another host; the timeout covers the body as well.
 */
export async function sendGenerate({
  request,
  apiKey,
  config,
  requestId,
  fetch,
}: SendOptions): Promise<UpstreamReply> {
  const { baseURL, auth, timeoutMs } = config.upstream;
  const built = buildGenerateRequest(request.image_request, {
    baseURL,
    apiKey,
    auth,
    headers: { "x-request-id": requestId },
  });
  const controller = new AbortController();
  let expire = () => {};
  const timedOut = new Promise<never>((_, reject) => {
    expire = () => reject(new UpstreamTimeoutError());
  });
  const timer = setTimeout(() => {
    expire();
    controller.abort();
  }, timeoutMs);
  const exchange = (async () => {
    const response = await fetch(built.url, {
      method: built.method,
      headers: built.headers,
      body: built.body,
      redirect: "manual",
      signal: controller.signal,
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  })();
  try {
    return await Promise.race([exchange, timedOut]);
  } catch (error) {
    if (error instanceof UpstreamTimeoutError) throw error;
    throw new UpstreamUnreachableError(undefined, { cause: error });
  } finally {
    clearTimeout(timer);
    exchange.catch(() => {});
  }
}
