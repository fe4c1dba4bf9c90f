import ky from "ky";
import { coreRetry } from "./ky-retry.ts";
import { toIdeogramError } from "./to-ideogram-error.ts";

/** One HTTP exchange: what to send and how to bound it. */
export interface SendRequest {
  url: string;
  method: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  signal: AbortSignal | undefined;
  timeout: number;
  maxRetries: number;
  /** Strings (credentials) that error messages and bodies must not repeat. */
  secrets: string[];
}

/**
 * Sends through ky with core's retry policy and resolves with a 2xx response whose body is already
 * in memory, so reading it cannot fail any more; every failure leaves as a core error.
 */
export async function send(request: SendRequest): Promise<Response> {
  const { url, signal, timeout, maxRetries, secrets, ...init } = request;
  const toError = (error: unknown) => toIdeogramError(error, { signal, secrets });
  try {
    return await ky(url, {
      ...init,
      signal,
      timeout,
      retry: coreRetry(maxRetries, toError),
      fetch: fetchWholeBody,
    });
  } catch (error) {
    throw toError(error);
  }
}

/**
 * fetch that reads the whole body within the attempt, so ky's per-attempt timeout covers a body that
 * stalls and a connection dropped mid-body is retried like one dropped before the headers.
 */
async function fetchWholeBody(input: Request | URL | string, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  return response.body === null ? response : new Response(await response.arrayBuffer(), response);
}
