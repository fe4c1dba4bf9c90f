import type { Bindings, Config } from "./env.ts";

/** Notes one event of the request being handled (`upstream_timeout`, …), with its request id. */
export type RequestLog = (event: string, fields?: Record<string, unknown>) => void;

/** Values the middleware chain hands to later middleware and routes. */
export interface Variables {
  requestId: string;
  /** The request's logger, set by the access-log middleware: every line carries the request id. */
  log: RequestLog;
  config: Config;
  clientId: string;
  /** The operation's input as core checked it (files as the form's `File`s). */
  input: Record<string, unknown>;
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
