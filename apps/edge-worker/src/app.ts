import { Hono } from "hono";
import { requestId } from "hono/request-id";
import type { AppEnv, LogSink, Runtime } from "./context.ts";
import { errorResponse } from "./http/error-response.ts";
import { methodNotAllowed } from "./http/method-not-allowed.ts";
import { createSharedDownloads } from "./images/shared-downloads.ts";
import { accessLog } from "./middleware/access-log.ts";
import { loadConfig } from "./middleware/config.ts";
import { cors } from "./middleware/cors.ts";
import { createLocalLimiter } from "./rate-limit/local-limiter.ts";
import { healthRoute } from "./routes/health.ts";
import { imagesRoute } from "./routes/images.ts";
import { operationRoutes } from "./routes/operations.ts";
import { createInFlight } from "./upstream/in-flight.ts";
import { createKeyStore } from "./upstream/key-store.ts";

/** What a host or a test may swap: the upstream fetch, the clock and the log sink. */
export interface AppOptions {
  /** Sends upstream requests; defaults to the global fetch (the real network, or miniflare's outboundService). */
  fetch?: typeof fetch;
  /** Milliseconds since the epoch; defaults to Date.now. */
  now?: () => number;
  /** Receives one object per log line; defaults to JSON on console.log. */
  log?: LogSink;
  /** Opens a Cache API cache by name; defaults to `caches.open` where the runtime has the Cache API. */
  openCache?: (name: string) => Promise<Cache>;
}

/** Request ids: a caller's `x-request-id` kept when it is short and of safe characters. */
const REQUEST_ID_LENGTH = 128;

/**
 * Builds the worker: request id → access log (and the request's logger) → config → CORS → 405 for
 * a known path's other methods on every request, then the route modules (health, every operation
 * of core's table, images). Each call has its own key cache, local rate limiter and registries of
 * upstream calls and image downloads in flight (one per isolate in production).
 */
export function createApp(options: AppOptions = {}): Hono<AppEnv> {
  const runtime: Runtime = {
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    now: options.now ?? Date.now,
    log: options.log ?? ((line) => console.log(JSON.stringify(line))),
    openCache: options.openCache ?? defaultOpenCache(),
  };
  const keys = createKeyStore(runtime.now);
  const limiter = createLocalLimiter(runtime.now);

  const app = new Hono<AppEnv>();
  app.use(
    requestId({ limitLength: REQUEST_ID_LENGTH }),
    accessLog(runtime),
    loadConfig(),
    cors(),
    methodNotAllowed(app),
  );
  app.route("/", healthRoute());
  app.route("/ideogram", operationRoutes({ runtime, keys, limiter, inFlight: createInFlight() }));
  app.route("/ideogram", imagesRoute({ runtime, limiter, downloads: createSharedDownloads() }));
  app.notFound((c) => errorResponse(c, 404, "not_found", "No such route."));
  app.onError((error, c) => {
    c.var.log("unhandled_error", { error: error.name });
    return errorResponse(c, 500, "internal_error", "The worker failed to handle the request.");
  });
  return app;
}

/** Workers have the Cache API; Node (the bench's bundle host) has none. */
function defaultOpenCache(): AppOptions["openCache"] {
  return typeof caches === "undefined" ? undefined : (name) => caches.open(name);
}
