import { type Context, Hono, type Next } from "hono";
import { cors } from "hono/cors";
import { ConnectionResetError } from "./connection-reset.ts";
import { createFaults, type FaultController, type FaultKind, parseFault, type RouteClass } from "./faults.ts";
import { createGenerateHandler } from "./generate-handler.ts";
import { createImageHandler } from "./image-handler.ts";
import { createImageStore } from "./image-store.ts";
import { DEFAULT_API_KEY, DEFAULT_BLOCKED_WORDS, type EmulatorOptions } from "./options.ts";
import { gatewayPage, problem } from "./problem.ts";
import { createRateLimiter } from "./rate-limiter.ts";
import { headersToRecord, type LoggedRequest, parseLoggedBody } from "./request-log.ts";
import { createUrlSigner } from "./url-signature.ts";

/** A running emulator: its Hono app, an in-process fetch, the request log and the fault controls. */
export interface Emulator {
  /** The Hono app. Serve it, or mount it: `parent.route("/upstream", emulator.app)`. */
  app: Hono;
  /** Answers a request in-process (no socket), with fetch's signature; usable as a Worker's outbound service. */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /** Every request received, oldest first (live array, capped at `logLimit`). */
  requests: LoggedRequest[];
  /** Queue or clear faults. */
  faults: FaultController;
  /** The first accepted API key, for building clients in tests. */
  apiKey: string;
  /** The emulator's current time (its clock), in ms since the epoch. */
  now(): number;
  /** Forgets logged requests, queued and random faults, and rate-limit history. */
  clear(): void;
}

const GENERATE_PATH = /\/generate\/?$/;
const IMAGE_PATH = /\/images\/ephemeral\/[^/]+$/;
const FAULT_HEADER = "x-emulator-fault";

/**
 * Creates an emulator of the Ideogram generate API. The app uses only web-standard APIs, so the
 * same object serves Node (see `startEmulator` in `@ideokit/testing/node`), workerd and browsers.
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const now = options.clock ?? Date.now;
  const apiKeys =
    typeof options.apiKey === "string" ? [options.apiKey] : [...(options.apiKey ?? [DEFAULT_API_KEY])];
  if (apiKeys.length === 0 || apiKeys.includes(""))
    throw new TypeError("apiKey must be one or more non-empty strings");
  const requests: LoggedRequest[] = [];
  const logLimit = options.logLimit ?? 1000;
  const faults = createFaults(options.faults);
  const limiter = options.rateLimit && createRateLimiter(options.rateLimit, now);
  const signer = createUrlSigner(options.signingSecret);
  const entries = new WeakMap<Request, LoggedRequest>();

  const logRequest = async (c: Context, next: Next) => {
    const raw = c.req.raw;
    const entry: LoggedRequest = {
      id: crypto.randomUUID(),
      method: raw.method,
      path: c.req.path,
      url: raw.url,
      headers: headersToRecord(raw.headers),
      body: raw.body === null ? undefined : parseLoggedBody(await c.req.text()),
      time: now(),
    };
    entries.set(raw, entry);
    requests.push(entry);
    if (requests.length > logLimit) requests.splice(0, requests.length - logLimit);
    try {
      await next();
      c.res.headers.set("x-request-id", entry.id);
      entry.status = c.res.status;
    } finally {
      options.onRequest?.(entry);
    }
  };

  const injectFaults = async (c: Context, next: Next) => {
    const header = c.req.header(FAULT_HEADER);
    const fault = header === undefined ? faults.take(routeClass(c)) : parseFault(header);
    if (header !== undefined && fault === undefined) {
      const kinds = "500, 502, 503, reset, hang, malformed, truncated or slow:MS";
      return problem(c, 400, `${FAULT_HEADER} must be one of ${kinds}; got "${header}"`);
    }
    if (fault === undefined) return next();
    entries.get(c.req.raw)!.fault = fault;
    return serveFault(c, next, fault);
  };

  const app = new Hono();
  app.use(logRequest);
  if (options.cors !== false) {
    app.use(
      cors({
        origin: "*",
        allowMethods: ["GET", "HEAD", "POST", "OPTIONS"],
        exposeHeaders: ["x-request-id", "retry-after", "content-length", "content-type"],
        maxAge: 600,
      }),
    );
  }
  app.use(injectFaults);
  const generate = createGenerateHandler({
    apiKeys,
    limiter,
    signer,
    now,
    random: options.random ?? Math.random,
    blockedWords: options.blockedWords ?? DEFAULT_BLOCKED_WORDS,
    unsafeWords: options.unsafeWords ?? [],
    imageTtlSeconds: options.imageTtlSeconds ?? 86_400,
    latencyMs: options.latencyMs ?? 0,
    publicURL: options.publicURL,
    unknownKeys: options.unknownKeys ?? "reject",
  });
  app.post("/generate", generate);
  app.post("/ideogram/generate", generate);
  app.get(
    "/images/ephemeral/:file",
    createImageHandler({ signer, now, store: createImageStore(options.imageCacheSize ?? 64) }),
  );
  app.on(["GET", "PUT", "PATCH", "DELETE"], ["/generate", "/ideogram/generate"], (c) =>
    problem(c, 405, "The method is not allowed for the requested URL.", { allow: "POST" }),
  );
  app.notFound((c) => problem(c, 404, `No route for ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    if (error instanceof ConnectionResetError) throw error;
    return problem(c, 500, `Emulator error: ${error.message}`);
  });

  return {
    app,
    fetch: (input, init) =>
      Promise.resolve(
        app.fetch(input instanceof Request && init === undefined ? input : new Request(input, init)),
      ),
    requests,
    faults: faults.controller,
    apiKey: apiKeys[0]!,
    now,
    clear() {
      requests.length = 0;
      faults.controller.clear();
      limiter?.clear();
    },
  };
}

function routeClass(c: Context): RouteClass {
  if (c.req.method === "POST" && GENERATE_PATH.test(c.req.path)) return "generate";
  if ((c.req.method === "GET" || c.req.method === "HEAD") && IMAGE_PATH.test(c.req.path)) return "images";
  return "other";
}

async function serveFault(c: Context, next: Next, fault: FaultKind): Promise<Response | undefined> {
  switch (fault) {
    case "500":
      return problem(c, 500, "Internal Server Error");
    case "502":
    case "503":
      return gatewayPage(c, fault === "502" ? 502 : 503);
    case "reset":
      throw new ConnectionResetError();
    case "hang":
      await aborted(c.req.raw.signal);
      throw new ConnectionResetError("the client gave up on a hung request");
    case "malformed":
      // Claims JSON but is not: the hardest case for a client that trusts content-type.
      return c.body("<html><body><h1>Upstream proxy error</h1></body></html>", 200, {
        "content-type": "application/json",
      });
    case "truncated": {
      await next();
      const text = await c.res.text();
      c.res = new Response(text.slice(0, Math.floor(text.length / 2)), c.res);
      return undefined;
    }
    default:
      await new Promise((resolve) => setTimeout(resolve, Number(fault.slice("slow:".length))));
      await next();
      return undefined;
  }
}

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener("abort", () => resolve(), { once: true });
  });
}
