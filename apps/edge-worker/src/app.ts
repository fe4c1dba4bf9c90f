import { Hono } from "hono";
import type { AppEnv, LogSink, Runtime } from "./context.ts";
import { errorResponse } from "./http/error-response.ts";
import { createSharedDownloads } from "./images/shared-downloads.ts";
import { accessLog } from "./middleware/access-log.ts";
import { loadConfig } from "./middleware/config.ts";
import { cors } from "./middleware/cors.ts";
import { requestId } from "./middleware/request-id.ts";
import { createLocalLimiter } from "./rate-limit/local-limiter.ts";
import { generateRoute } from "./routes/generate.ts";
import { healthRoute } from "./routes/health.ts";
import { imagesRoute } from "./routes/images.ts";
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

/**
 * Builds the worker: request id → access log → config → CORS on every request, then the route
 * modules (health, generate, images). Each call has its own key cache, local rate limiter and
 * registry of image downloads in flight (one per isolate in production).
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
  app.use(requestId(), accessLog(runtime), loadConfig(runtime), cors());
  app.route("/", healthRoute());
  app.route("/ideogram", generateRoute({ runtime, keys, limiter }));
  app.route("/ideogram", imagesRoute({ runtime, limiter, downloads: createSharedDownloads() }));
  app.notFound((c) => errorResponse(c, 404, "not_found", "No such route."));
  app.onError((error, c) => {
    runtime.log({ request_id: c.get("requestId"), event: "unhandled_error", error: error.name });
    return errorResponse(c, 500, "internal_error", "The worker failed to handle the request.");
  });
  return app;
}

/** Workers have the Cache API; Node (the bench's bundle host) has none. */
function defaultOpenCache(): AppOptions["openCache"] {
  return typeof caches === "undefined" ? undefined : (name) => caches.open(name);
}
