import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join } from "node:path";
import { buffer } from "node:stream/consumers";
import { type RunningEmulator, startEmulator } from "@ideokit/testing/node";

/** The built page on a loopback server whose /ideogram/* reaches an emulator, as the worker's would. */
export interface PlaygroundServer {
  /** Origin of the page, e.g. "http://127.0.0.1:41234". */
  url: string;
  /** The upstream behind /ideogram: its request log and fault queue. */
  emulator: RunningEmulator;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/**
 * Serves `dist` (index.html at `/`, with the headers of dist/_headers) and forwards `/ideogram/*` to an emulator with the emulator's key,
 * standing in for the worker (which holds the key) until the test runs against `wrangler dev`.
 * Image URLs point back at this origin under /ideogram/images, like the worker's image route.
 */
export async function servePlayground(dist: string): Promise<PlaygroundServer> {
  const headers = await assetHeaders(dist);
  let emulator: RunningEmulator | undefined;
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? "/", "http://page.test").pathname;
    if (path.startsWith("/ideogram/") && emulator !== undefined) {
      return forward(request, response, emulator);
    }
    const file = path === "/" ? "index.html" : path.slice(1);
    const type = CONTENT_TYPES[extname(file)];
    if (type === undefined || file.includes("/")) {
      response.writeHead(404).end();
      return;
    }
    const body = await readFile(join(dist, file)).catch(() => undefined);
    if (body === undefined) response.writeHead(404).end();
    else response.writeHead(200, { ...headers, "content-type": type }).end(body);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  emulator = await startEmulator({ publicURL: `${url}/ideogram` });
  const running = emulator;
  return {
    url,
    emulator: running,
    close: async () => {
      server.closeAllConnections();
      await Promise.all([new Promise((resolve) => server.close(resolve)), running.close()]);
    },
  };
}

/** The `/*` rules of dist/_headers, which Workers static assets add to every file they serve. */
async function assetHeaders(dist: string): Promise<Record<string, string>> {
  const text = await readFile(join(dist, "_headers"), "utf8");
  const rules = text.split("\n").filter((line) => !line.startsWith("#"));
  const start = rules.indexOf("/*");
  const headers: Record<string, string> = {};
  for (const line of rules.slice(start + 1)) {
    const header = /^\s+([\w-]+):\s*(.+)$/.exec(line);
    if (header === null) break;
    headers[header[1]!.toLowerCase()] = header[2]!;
  }
  return headers;
}

async function forward(request: IncomingMessage, response: ServerResponse, emulator: RunningEmulator) {
  const target = new URL(request.url!.replace(/^\/ideogram/, ""), emulator.url);
  const headers = new Headers();
  for (const name of ["content-type", "accept", "x-request-id", "x-emulator-fault"]) {
    const value = request.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  headers.set("authorization", `Bearer ${emulator.apiKey}`);
  const body = request.method === "POST" ? await buffer(request) : undefined;
  const controller = new AbortController();
  // A page that gives up (Cancel) closes its connection: pass that on, as the worker would.
  response.on("close", () => controller.abort());
  let upstream: Response;
  try {
    upstream = await fetch(target, { method: request.method, headers, body, signal: controller.signal });
  } catch (error) {
    if (controller.signal.aborted) return;
    response.writeHead(502, { "content-type": "application/json" });
    response.end(JSON.stringify({ error: { type: "upstream_unreachable", message: String(error) } }));
    return;
  }
  const passed: Record<string, string> = {};
  for (const name of ["content-type", "retry-after", "x-request-id", "cache-control"]) {
    const value = upstream.headers.get(name);
    if (value !== null) passed[name] = value;
  }
  response.writeHead(upstream.status, passed).end(Buffer.from(await upstream.arrayBuffer()));
}
