import type { Bindings, Config } from "./env.ts";

/** Values the middleware chain hands to later middleware and routes. */
export interface Variables {
  requestId: string;
  config: Config;
  clientId: string;
  body: unknown;
}

/** The Hono environment of every route and middleware in this worker. */
export interface AppEnv {
  Bindings: Bindings;
  Variables: Variables;
}

/** Where access-log lines and upstream failure notes go (console.log by default). */
export type LogSink = (line: Record<string, unknown>) => void;

/** What the app takes from the outside world, injectable so tests drive time and the upstream. */
export interface Runtime {
  /** The upstream fetch; the global fetch unless a test routes it elsewhere. */
  fetch: typeof fetch;
  /** Milliseconds since the epoch; drives key-cache TTLs, JWT expiry and the local rate limit. */
  now: () => number;
  log: LogSink;
  /** Opens a Cache API cache by name; undefined where the runtime has none (the generation and image caches are then off). */
  openCache: ((name: string) => Promise<Cache>) | undefined;
}
