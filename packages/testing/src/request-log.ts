import type { Context, MiddlewareHandler } from "hono";
import type { FaultKind } from "./faults.ts";

/** One request as the emulator received it, for assertions in tests. */
export interface LoggedRequest {
  /** The x-request-id the emulator answered with. */
  id: string;
  method: string;
  /** URL path, e.g. "/generate" or "/images/ephemeral/ID.png". */
  path: string;
  url: string;
  /** Request headers, names lower-cased (includes credentials: it is a test log). */
  headers: Record<string, string>;
  /** The body parsed as JSON; the raw text when it is not JSON; undefined when empty. */
  body: unknown;
  /** Arrival time on the emulator's clock (ms since the epoch). */
  time: number;
  /** The fault injected into this request, if any. */
  fault?: FaultKind;
  /** The status answered; undefined while pending and for dropped connections. */
  status?: number;
}

function parseLoggedBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function headersToRecord(headers: Headers): Record<string, string> {
  return Object.fromEntries(headers.entries());
}

/** Where the log middleware keeps each request's entry on the Hono context. */
const ENTRY_KEY = "ideokitLoggedRequest";

/** What the log middleware needs: the live log, its cap, the clock and an optional listener. */
export interface RequestLogOptions {
  requests: LoggedRequest[];
  limit: number;
  now: () => number;
  onRequest: ((request: LoggedRequest) => void) | undefined;
}

/** Middleware that logs every request, stamps `x-request-id` on the answer and records its status. */
export function logRequests(options: RequestLogOptions): MiddlewareHandler {
  return async (c, next) => {
    const raw = c.req.raw;
    const entry: LoggedRequest = {
      id: crypto.randomUUID(),
      method: raw.method,
      path: c.req.path,
      url: raw.url,
      headers: headersToRecord(raw.headers),
      body: raw.body === null ? undefined : parseLoggedBody(await c.req.text()),
      time: options.now(),
    };
    c.set(ENTRY_KEY, entry);
    options.requests.push(entry);
    if (options.requests.length > options.limit) {
      options.requests.splice(0, options.requests.length - options.limit);
    }
    try {
      await next();
      c.res.headers.set("x-request-id", entry.id);
      entry.status = c.res.status;
    } finally {
      options.onRequest?.(entry);
    }
  };
}

/** The log entry of the request being handled (set by logRequests). */
export function loggedRequest(c: Context): LoggedRequest {
  return c.get(ENTRY_KEY) as LoggedRequest;
}
