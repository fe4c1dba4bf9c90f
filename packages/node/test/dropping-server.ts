import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { buffer } from "node:stream/consumers";
import { createEmulator, type Emulator } from "@ideokit/testing";
import { onTestFinished } from "vitest";
import { API_KEY } from "./helpers.ts";

/** Which answers to cut, and where. */
export interface DropOptions {
  /** The route whose answers are cut. */
  on: "generate" | "images";
  /** How many of its answers are cut before they are served whole. */
  count: number;
  /** Share of the body sent before the socket closes: 0 sends the headers only. */
  keep: number;
}

/** A loopback server answering from an emulator, for the drops the emulator's faults do not make. */
export interface DroppingServer {
  url: string;
  emulator: Emulator;
}

/**
 * Serves an in-process emulator on 127.0.0.1 but cuts its first `count` answers on a route: the
 * headers announce the full content-length, `keep` of the body follows, then the socket closes.
 * The emulator's `truncated` fault keeps a JSON answer's framing and `reset` drops before any header,
 * so a 200 generate answer that dies mid-body needs this. Closed when the test ends.
 */
export async function startDroppingServer(options: DropOptions): Promise<DroppingServer> {
  const emulator = createEmulator({ apiKey: API_KEY });
  let remaining = options.count;
  const server = createServer(async (incoming, outgoing) => {
    const answer = await emulator.fetch(await toRequest(incoming));
    const body = new Uint8Array(await answer.arrayBuffer());
    const headers = { ...Object.fromEntries(answer.headers), "content-length": String(body.length) };
    outgoing.writeHead(answer.status, headers);
    if (routeOf(incoming) === options.on && remaining > 0) {
      remaining -= 1;
      sendThenDrop(outgoing, body.subarray(0, Math.floor(body.length * options.keep)));
    } else {
      outgoing.end(body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, emulator };
}

async function toRequest(incoming: IncomingMessage): Promise<Request> {
  const body = incoming.method === "POST" ? await buffer(incoming) : undefined;
  const headers = Object.entries(incoming.headers).flatMap(([name, value]) =>
    typeof value === "string" ? [[name, value] as [string, string]] : [],
  );
  return new Request(`http://${incoming.headers.host}${incoming.url}`, {
    method: incoming.method,
    headers,
    body,
  });
}

function routeOf(incoming: IncomingMessage): DropOptions["on"] | undefined {
  if (incoming.url?.endsWith("/generate")) return "generate";
  return incoming.url?.includes("/images/") ? "images" : undefined;
}

/** Flushes the headers and `bytes`, then closes the socket short of the promised length. */
function sendThenDrop(outgoing: ServerResponse, bytes: Uint8Array): void {
  if (bytes.length === 0) outgoing.flushHeaders();
  else outgoing.write(bytes);
  outgoing.socket?.destroySoon();
}
