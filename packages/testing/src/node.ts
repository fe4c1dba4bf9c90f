import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import { ConnectionResetError } from "./connection-reset.ts";
import { bytesBeforeDrop, isCutShort } from "./cut-short.ts";
import { createEmulator, type Emulator } from "./emulator.ts";
import type { EmulatorOptions } from "./options.ts";

/** Where and how to serve an emulator on Node. */
export interface StartEmulatorOptions extends EmulatorOptions {
  /** Interface to listen on. Default "127.0.0.1" (loopback only). */
  host?: string;
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
}

/** An emulator listening on a real socket. */
export interface RunningEmulator extends Emulator {
  /** Base URL, e.g. "http://127.0.0.1:41234" (generate at `${url}/generate` or `${url}/ideogram/generate`). */
  url: string;
  /** Stops listening and closes every connection, keep-alive and hung ones included. */
  close(): Promise<void>;
}

/**
 * Serves an emulator over HTTP on Node. The `reset` fault destroys the socket, as a real dropped
 * connection would; a `truncated` image closes it after half the bytes its content-length promised.
 */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const { host = "127.0.0.1", port = 0, ...emulatorOptions } = options;
  const emulator = createEmulator(emulatorOptions);
  const listener = getRequestListener(
    async (request, env) => {
      try {
        const response = await emulator.app.fetch(request);
        if (!isCutShort(response.body)) return response;
        await sendThenDrop(response, response.body, env.outgoing as ServerResponse);
        return RESPONSE_ALREADY_SENT;
      } catch (error) {
        if (error instanceof ConnectionResetError) (env.incoming as IncomingMessage).socket.destroy();
        throw error;
      }
    },
    {
      overrideGlobalObjects: false,
      // Dropped connections have nothing left to answer; anything else is a 500.
      errorHandler: (error) =>
        error instanceof ConnectionResetError ? undefined : new Response("Emulator error", { status: 500 }),
    },
  );
  const server = createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostInUrl = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    ...emulator,
    url: `http://${hostInUrl}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Writes the head and what the body delivers, then closes the socket before the promised length. */
async function sendThenDrop(
  response: Response,
  body: ReadableStream<Uint8Array>,
  outgoing: ServerResponse,
): Promise<void> {
  const chunks = await bytesBeforeDrop(body);
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  outgoing.write(Buffer.concat(chunks), () => outgoing.socket?.destroySoon());
}
