import type { Context, MiddlewareHandler, Next } from "hono";
import { ConnectionResetError } from "./connection-reset.ts";
import { cutShortBody } from "./cut-short.ts";
import { FAULT_KINDS_HELP, type FaultKind, parseFault, type RouteClass } from "./faults.ts";
import { gatewayPage, problem } from "./problem.ts";
import { loggedRequest } from "./request-log.ts";

const FAULT_HEADER = "x-emulator-fault";
const IMAGE_PATH = /\/images\/ephemeral\/[^/]+$/;
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Middleware that serves the fault named by the x-emulator-fault header, else the one `take`
 * hands out for this route (queued or random), else lets the request through. Programmatic
 * "generate" faults hit every operation route (`isOperationPath`), not only `/generate`.
 */
export function injectFaults(
  take: (route: RouteClass) => FaultKind | undefined,
  isOperationPath: (path: string) => boolean,
): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header(FAULT_HEADER);
    const fault = header === undefined ? take(routeClass(c, isOperationPath)) : parseFault(header);
    if (header !== undefined && fault === undefined) {
      return problem(c, 400, `${FAULT_HEADER} must be one of ${FAULT_KINDS_HELP}; got "${header}"`);
    }
    if (fault === undefined) return next();
    loggedRequest(c).fault = fault;
    return serveFault(c, next, fault);
  };
}

function routeClass(c: Context, isOperationPath: (path: string) => boolean): RouteClass {
  if (c.req.method === "POST" && isOperationPath(c.req.path)) return "generate";
  if ((c.req.method === "GET" || c.req.method === "HEAD") && IMAGE_PATH.test(c.req.path)) return "images";
  return "other";
}

async function serveFault(c: Context, next: Next, fault: FaultKind): Promise<Response | undefined> {
  switch (fault) {
    case "403":
      return problem(c, 403, "Forbidden");
    case "409":
      return problem(c, 409, "Conflict: a concurrent request is being processed");
    case "429":
      return problem(c, 429, "Too many requests: retry in 1 s", { "retry-after": "1" });
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
    case "truncated":
      await next();
      c.res = await cutInHalf(c.res);
      return undefined;
    default:
      if (fault.startsWith("429:")) return tooManyRequests(c, Number(fault.slice("429:".length)));
      // A client that gave up takes the slow answer's timer with it, so nothing of a timed-out call
      // outlives it in the emulator (a test counting the process's timers sees it end at once).
      if (!(await delayUnlessAborted(Number(fault.slice("slow:".length)), c.req.raw.signal)))
        throw new ConnectionResetError("the client gave up on a slow request");
      await next();
      return undefined;
  }
}

function tooManyRequests(c: Context, waitMs: number): Response {
  return problem(c, 429, `Too many requests: retry in ${waitMs} ms`, {
    "retry-after-ms": String(waitMs),
    "retry-after": String(Math.ceil(waitMs / 1000)),
  });
}

/**
 * A JSON answer keeps its framing with the text cut in half (the client gets a complete answer that
 * does not parse); any other body, an image, sends half its bytes and then drops the connection.
 */
async function cutInHalf(response: Response): Promise<Response> {
  if (/\bjson\b/i.test(response.headers.get("content-type") ?? "")) {
    const text = await response.text();
    return new Response(text.slice(0, Math.floor(text.length / 2)), response);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  return new Response(cutShortBody(bytes.slice(0, Math.floor(bytes.length / 2))), response);
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
function delayUnlessAborted(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const stop = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", stop);
      resolve(true);
    }, ms);
    signal.addEventListener("abort", stop, { once: true });
  });
}

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    // A pending timer stops workerd from cancelling the request as hung (here the hang is the point);
    // unref, where it exists (Node), keeps it from holding a test process open.
    const timer = setTimeout(resolve, MAX_TIMER_MS);
    (timer as { unref?: () => void }).unref?.();
    const stop = () => {
      clearTimeout(timer);
      resolve();
    };
    if (signal.aborted) stop();
    else signal.addEventListener("abort", stop, { once: true });
  });
}
