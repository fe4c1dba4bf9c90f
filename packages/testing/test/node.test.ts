import { Agent, request as httpRequest } from "node:http";
import type { Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { readPngInfo } from "../src/index.ts";
import { type RunningEmulator, startEmulator } from "../src/node.ts";

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe("startEmulator", () => {
  it("listens on 127.0.0.1 with a free port and serves generate plus the PNG", async () => {
    emulator = await startEmulator({ apiKey: "node-key" });
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${emulator.url}/ideogram/generate`, {
      method: "POST",
      headers: { authorization: "Bearer node-key", "content-type": "application/json" },
      body: JSON.stringify({ image_request: { prompt: "over the wire", resolution: "RESOLUTION_1536_640" } }),
    });
    expect(response.status).toBe(200);
    const url = ((await response.json()) as { data: { url: string }[] }).data[0]!.url;
    expect(url.startsWith(`${emulator.url}/images/ephemeral/`)).toBe(true);
    const image = await fetch(url);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(readPngInfo(new Uint8Array(await image.arrayBuffer()))).toMatchObject({
      width: 1536,
      height: 640,
    });
    expect(emulator.requests.map((request) => request.status)).toEqual([200, 200]);
  });

  it("close() also closes idle keep-alive connections", async () => {
    emulator = await startEmulator();
    const agent = new Agent({ keepAlive: true });
    const socket = await new Promise<Socket>((resolve, reject) => {
      const request = httpRequest(`${emulator!.url}/nothing`, { agent }, (response) => {
        response.resume();
        response.on("end", () => resolve(request.socket!));
      });
      request.on("error", reject);
      request.end();
    });
    const socketClosed = new Promise((closed) => socket.once("close", closed));
    expect(socket.destroyed).toBe(false);
    await emulator.close();
    await socketClosed;
    agent.destroy();
    emulator = undefined;
  });

  it("listens on the requested port", async () => {
    const first = await startEmulator();
    const port = Number(new URL(first.url).port);
    await first.close();
    emulator = await startEmulator({ port });
    expect(emulator.url).toBe(`http://127.0.0.1:${port}`);
  });
});
