import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { json } from "node:stream/consumers";
import type { FaultKind, LoggedRequest } from "@ideokit/testing";
import type { RunningEmulator } from "@ideokit/testing/node";

/** The emulator behind the worker, as the e2e files see it: its request log and fault queue. */
export interface UpstreamControl {
  /** Makes the next `count` generate calls fail with `kind` (e.g. "hang"). */
  nextFaults(count: number, kind: FaultKind): Promise<void>;
  /** Every request the emulator received since the last `clear`, oldest first. */
  requests(): Promise<LoggedRequest[]>;
  /** Forgets logged requests and queued faults. */
  clear(): Promise<void>;
}

/**
 * Serves an emulator's request log and fault queue on loopback. The emulator lives in the process
 * that started the stack (vitest's globalSetup), the tests in a worker process: this is their link.
 */
export async function serveUpstreamControl(
  emulator: RunningEmulator,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    answer(emulator, request, response).catch((error: unknown) => {
      response.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function answer(emulator: RunningEmulator, request: IncomingMessage, response: ServerResponse) {
  const route = `${request.method} ${request.url}`;
  if (route === "GET /requests") {
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(emulator.requests));
  } else if (route === "POST /faults") {
    const { count, kind } = (await json(request)) as { count: number; kind: FaultKind };
    emulator.faults.next(count, kind);
    response.writeHead(204).end();
  } else if (route === "POST /clear") {
    emulator.clear();
    response.writeHead(204).end();
  } else {
    response.writeHead(404).end();
  }
}

/** The test-side handle on {@link serveUpstreamControl}'s server at `url`. */
export function upstreamControl(url: string): UpstreamControl {
  const call = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${url}${path}`, init);
    if (!response.ok)
      throw new Error(`upstream control ${path}: ${response.status} ${await response.text()}`);
    return response;
  };
  return {
    nextFaults: async (count, kind) => {
      await call("/faults", { method: "POST", body: JSON.stringify({ count, kind }) });
    },
    requests: async () => (await (await call("/requests")).json()) as LoggedRequest[],
    clear: async () => {
      await call("/clear", { method: "POST" });
    },
  };
}
