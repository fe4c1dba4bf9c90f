import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
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

/** A valid generate body without a seed, so every call reaches the upstream (seeded ones are cached). */
export const VALID_BODY = { image_request: { prompt: "a lighthouse at dusk" } };

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
  /** Calls the worker with a path under {@link WORKER} (or an absolute URL on the worker). */
  call(path: string, init?: RequestInit): Promise<Response>;
  /** POSTs a JSON body to /ideogram/generate with the client token (override via `headers`). */
  generate(body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** The generate calls the upstream received. */
  upstreamCalls(): Emulator["requests"];
  /** The image downloads the upstream received. */
  imageCalls(): Emulator["requests"];
  /** Waits for the work the worker left running after its answers (`waitUntil`: cache and R2 copies). */
  settle(): Promise<void>;
  /**
   * Another isolate: a fresh app (own key cache and limiter) in front of the same upstream, clock
   * and log, with the same bindings plus `overrides`. It sits in another data centre (Cache API
   * caches of its own) unless `sameDataCentre` is set.
   */
  sibling(overrides?: Partial<Bindings>, where?: { sameDataCentre?: boolean }): Harness;
}

/**
 * Builds a fresh app (fresh key cache, local limiter and Cache API caches) in front of a fresh
 * emulator. The image proxy is off (no IMAGE_SIGNING_SECRET, no IMAGES bucket) unless `bindings` say so.
 */
export function createHarness(options: HarnessOptions = {}): Harness {
  const clock = createManualClock(Date.now());
  const upstream = createEmulator({ apiKey: UPSTREAM_KEY, clock: clock.now, ...options.emulator });
  const bindings: Bindings = {
    ...env,
    UPSTREAM_BASE_URL,
    IDEOGRAM_API_KEY: UPSTREAM_KEY,
    CLIENT_TOKENS: `web:${CLIENT_TOKEN}`,
    UPSTREAM_KEYS: undefined,
    RATE_LIMITER: undefined,
    IMAGE_SIGNING_SECRET: undefined,
    IMAGES: undefined,
    ...options.bindings,
  };
  const fetch = options.fetch ?? ((input, init) => upstream.fetch(input, init));
  return harnessOver({ upstream, clock, logs: [], bindings, fetch, place: crypto.randomUUID() });
}

interface Parts {
  upstream: Emulator;
  clock: ReturnType<typeof createManualClock>;
  logs: Record<string, unknown>[];
  bindings: Bindings;
  fetch: typeof globalThis.fetch;
  /** Names this app's data centre: apps in the same one share Cache API caches. */
  place: string;
}

function harnessOver(parts: Parts): Harness {
  const { upstream, clock, logs, bindings, fetch, place } = parts;
  const app = createApp({
    fetch,
    now: clock.now,
    log: (line) => logs.push(line),
    openCache: (name) => caches.open(`${name}:${place}`),
  });
  const contexts: ExecutionContext[] = [];
  const call = async (path: string, init?: RequestInit) => {
    const context = createExecutionContext();
    contexts.push(context);
    const url = path.startsWith("http") ? path : `${WORKER}${path}`;
    return app.fetch(new Request(url, init), bindings, context);
  };
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
    imageCalls: () => upstream.requests.filter((request) => request.path.includes("/images/")),
    settle: async () => {
      await Promise.all(contexts.splice(0).map((context) => waitOnExecutionContext(context)));
    },
    sibling: (overrides = {}, where = {}) =>
      harnessOver({
        ...parts,
        bindings: { ...bindings, ...overrides },
        place: where.sameDataCentre ? place : crypto.randomUUID(),
      }),
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
