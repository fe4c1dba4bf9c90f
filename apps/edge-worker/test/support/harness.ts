import { env } from "cloudflare:workers";
import { createEmulator, createManualClock, type Emulator, type EmulatorOptions } from "@ideokit/testing";
import { createApp } from "../../src/app.ts";
import type { Bindings } from "../../src/env.ts";

/** The upstream key the worker holds; no response, header or log line may ever contain it. */
export const UPSTREAM_KEY = "sk-upstream-3f9c2a7e51d84b06";
/** A static client token (client id "web"). */
export const CLIENT_TOKEN = "ct-web-8d1e5b2c9a";
/** Where the worker sends generate calls in tests; the injected fetch answers for it. */
export const UPSTREAM_BASE_URL = "http://upstream.test/ideogram";
/** The worker's own origin in test URLs. */
export const WORKER = "http://worker.test";

/** A valid generate body. */
export const VALID_BODY = { image_request: { prompt: "a lighthouse at dusk", seed: 7 } };

/** Options of {@link createHarness}. */
export interface HarnessOptions {
  /** Binding overrides on top of the test defaults (secret key, one static token, no KV, local limiter). */
  bindings?: Partial<Bindings>;
  /** Options of the emulator that plays the upstream. */
  emulator?: EmulatorOptions;
  /** Replaces the upstream entirely (for replies the emulator cannot produce). */
  fetch?: typeof fetch;
}

/** A worker app wired to an in-test emulator, a manual clock and a captured log. */
export interface Harness {
  upstream: Emulator;
  clock: ReturnType<typeof createManualClock>;
  logs: Record<string, unknown>[];
  bindings: Bindings;
  /** Calls the worker with a path under {@link WORKER}. */
  call(path: string, init?: RequestInit): Promise<Response>;
  /** POSTs a JSON body to /ideogram/generate with the client token (override via `headers`). */
  generate(body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** The generate calls the upstream received. */
  upstreamCalls(): Emulator["requests"];
}

/** Builds a fresh app (fresh key cache and local limiter) in front of a fresh emulator. */
export function createHarness(options: HarnessOptions = {}): Harness {
  const clock = createManualClock(Date.now());
  const upstream = createEmulator({ apiKey: UPSTREAM_KEY, clock: clock.now, ...options.emulator });
  const logs: Record<string, unknown>[] = [];
  const app = createApp({
    fetch: options.fetch ?? ((input, init) => upstream.fetch(input, init)),
    now: clock.now,
    log: (line) => logs.push(line),
  });
  const bindings: Bindings = {
    ...env,
    UPSTREAM_BASE_URL,
    IDEOGRAM_API_KEY: UPSTREAM_KEY,
    CLIENT_TOKENS: `web:${CLIENT_TOKEN}`,
    UPSTREAM_KEYS: undefined,
    RATE_LIMITER: undefined,
    ...options.bindings,
  };
  const call = async (path: string, init?: RequestInit) =>
    app.fetch(new Request(`${WORKER}${path}`, init), bindings);
  return {
    upstream,
    clock,
    logs,
    bindings,
    call,
    generate: (body = VALID_BODY, headers = {}) =>
      call("/ideogram/generate", {
        method: "POST",
        headers: { authorization: `Bearer ${CLIENT_TOKEN}`, "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      }),
    upstreamCalls: () => upstream.requests.filter((request) => request.path.endsWith("/generate")),
  };
}

/** A worker error body. */
export interface ErrorBody {
  error: {
    type: string;
    message: string;
    request_id: string;
    issues?: { path: (string | number)[]; message: string }[];
  };
}

/** Reads a response as a worker error body. */
export async function errorOf(response: Response): Promise<ErrorBody["error"]> {
  return ((await response.json()) as ErrorBody).error;
}
