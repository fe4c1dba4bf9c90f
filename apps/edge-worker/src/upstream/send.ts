import { buildGenerateRequest, type GenerateRequest } from "@ideokit/core";
import type { Config } from "../env.ts";
import { readAtMost } from "../http/read-at-most.ts";
import { withDeadline } from "./deadline.ts";
import { UpstreamTimeoutError, UpstreamTooLargeError, UpstreamUnreachableError } from "./upstream-errors.ts";

/** The most of an upstream answer the worker reads: a generate answer is a few kilobytes. */
export const MAX_UPSTREAM_BYTES = 1024 * 1024;

/** What came back from the upstream, body read in full within the timeout. */
export interface UpstreamReply {
  status: number;
  headers: Headers;
  text: string;
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
 * not followed, so the key never travels to another host; the timeout covers the body as well,
 * which is read up to {@link MAX_UPSTREAM_BYTES}.
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
      if (body === undefined) throw new UpstreamTooLargeError();
      return { status: response.status, headers: response.headers, text: await body.text() };
    });
  } catch (error) {
    if (error instanceof UpstreamTimeoutError || error instanceof UpstreamTooLargeError) throw error;
    throw new UpstreamUnreachableError(undefined, { cause: error });
  }
}
