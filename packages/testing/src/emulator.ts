import { OPERATIONS } from "@ideokit/core";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { ConnectionResetError } from "./connection-reset.ts";
import { injectFaults } from "./fault-middleware.ts";
import { createFaults, type FaultController } from "./faults.ts";
import { createImageHandler } from "./image-handler.ts";
import { createImageStore } from "./image-store.ts";
import { createOperationHandler } from "./operation-handler.ts";
import { DEFAULT_API_KEY, DEFAULT_BLOCKED_WORDS, type EmulatorOptions } from "./options.ts";
import { problem } from "./problem.ts";
import { createRateLimiter } from "./rate-limiter.ts";
import { type LoggedRequest, logRequests } from "./request-log.ts";
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

/**
 * Creates an emulator of the Ideogram API: every operation of `@ideokit/core`'s table at its
 * official path and under `/ideogram`. The app uses only web-standard APIs, so the same object
 * serves Node (see `startEmulator` in `@ideokit/testing/node`), workerd and browsers.
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const now = options.clock ?? Date.now;
  const apiKeys =
    typeof options.apiKey === "string" ? [options.apiKey] : [...(options.apiKey ?? [DEFAULT_API_KEY])];
  if (apiKeys.length === 0 || apiKeys.includes(""))
    throw new TypeError("apiKey must be one or more non-empty strings");
  const requests: LoggedRequest[] = [];
  const faults = createFaults(options.faults);
  const limiter = options.rateLimit && createRateLimiter(options.rateLimit, now);
  const signer = createUrlSigner(options.signingSecret);
  const app = new Hono();
  // Each operation answers at its official path and under the reseller's /ideogram prefix; the log,
  // the fault middleware and the 405s know the same paths (a mount prefix in front is allowed).
  const paths = OPERATIONS.flatMap((operation) => [operation.path, `/ideogram${operation.path}`]);
  const operationAt = operationFinder(OPERATIONS);
  app.use(
    logRequests({
      requests,
      limit: options.logLimit ?? 1000,
      now,
      onRequest: options.onRequest,
      operationAt,
    }),
  );
  if (options.cors !== false) {
    app.use(
      cors({
        origin: "*",
        allowMethods: ["GET", "HEAD", "POST", "OPTIONS"],
        exposeHeaders: [
          "x-request-id",
          "retry-after",
          "retry-after-ms",
          "x-should-retry",
          "content-length",
          "content-type",
        ],
        maxAge: 600,
      }),
    );
  }
  app.use(injectFaults(faults.take, (path) => operationAt(path) !== undefined));
  const deps = {
    apiKeys,
    auth: options.auth ?? "any",
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
  } as const;
  for (const operation of OPERATIONS) {
    const handler = createOperationHandler(operation, deps);
    app.post(operation.path, handler);
    app.post(`/ideogram${operation.path}`, handler);
  }
  app.get(
    "/images/ephemeral/:file",
    createImageHandler({ signer, now, store: createImageStore(options.imageCacheSize ?? 64) }),
  );
  app.on(["GET", "PUT", "PATCH", "DELETE"], paths, (c) =>
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

/**
 * The id of the operation a request path is for, or undefined: the longest known path (official or
 * under /ideogram) the request path ends with, so `/v1/ideogram-v3/generate` is never `/generate`
 * and a mount prefix in front does not matter.
 */
function operationFinder(
  operations: readonly { id: string; path: string }[],
): (path: string) => string | undefined {
  const known = operations
    .flatMap((operation) =>
      [operation.path, `/ideogram${operation.path}`].map((path) => ({ path, id: operation.id })),
    )
    .sort((a, b) => b.path.length - a.path.length);
  return (path) => {
    const trimmed = path.replace(/\/$/, "");
    return known.find((entry) => trimmed.endsWith(entry.path))?.id;
  };
}
