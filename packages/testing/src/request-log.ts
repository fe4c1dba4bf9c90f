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
  /**
   * The body parsed as JSON; the raw text when it is not JSON; for `multipart/form-data` an object
   * of its parts (repeated parts as arrays, files as `{ name, type, size }`); undefined when empty.
   */
  body: unknown;
  /** The id of the table operation the request was for (`"v3.edit"`); undefined for other routes. */
  operation?: string;
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

/** A multipart body for the log: text parts as text, files by name, type and size (their bytes stay out). */
async function logFormBody(c: Context): Promise<unknown> {
  try {
    const form = await c.req.formData();
    const body: Record<string, unknown> = {};
    for (const key of new Set(form.keys())) {
      const parts = form
        .getAll(key)
        .map((part) =>
          typeof part === "string" ? part : { name: part.name, type: part.type, size: part.size },
        );
      body[key] = parts.length === 1 ? parts[0] : parts;
    }
    return body;
  } catch {
    return "(malformed multipart body)";
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
  /** The id of the operation a path is for (see {@link LoggedRequest.operation}). */
  operationAt: (path: string) => string | undefined;
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
      // A multipart body is parsed once here (Hono caches it for the handler): read as text, its
      // file bytes would not survive the round trip.
      body:
        raw.body === null
          ? undefined
          : /^multipart\/form-data\b/i.test(raw.headers.get("content-type") ?? "")
            ? await logFormBody(c)
            : parseLoggedBody(await c.req.text()),
      time: options.now(),
    };
    const operation = raw.method === "POST" ? options.operationAt(c.req.path) : undefined;
    if (operation !== undefined) entry.operation = operation;
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
