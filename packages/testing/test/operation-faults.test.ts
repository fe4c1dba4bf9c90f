import { exampleInput, v3GenerateOperation } from "@ideokit/core";
import { describe, expect, it } from "vitest";
import { createEmulator, type Emulator } from "../src/index.ts";
import { download, ORIGIN } from "./support/requests.ts";

function v3Generate(emulator: Emulator, headers: Record<string, string> = {}) {
  const request = v3GenerateOperation.build(exampleInput(v3GenerateOperation, "full"), {
    baseURL: ORIGIN,
    auth: "bearer",
    apiKey: emulator.apiKey,
  });
  return emulator.fetch(request.url, {
    method: "POST",
    headers: { ...request.headers, ...headers },
    body: request.body,
  });
}

describe("faults and the log on a 3.0 route", () => {
  it("serves the x-emulator-fault header's fault on /v1/ideogram-v3/generate", async () => {
    const emulator = createEmulator();
    const response = await v3Generate(emulator, { "x-emulator-fault": "503" });
    expect(response.status).toBe(503);
    expect(emulator.requests[0]).toMatchObject({
      path: "/v1/ideogram-v3/generate",
      fault: "503",
      status: 503,
    });
  });

  it("queued faults hit operation calls (not just /generate), then the route recovers", async () => {
    const emulator = createEmulator();
    emulator.faults.next(2, 429);
    expect((await v3Generate(emulator)).status).toBe(429);
    expect((await v3Generate(emulator)).status).toBe(429);
    const recovered = await v3Generate(emulator);
    expect(recovered.status).toBe(200);
    const { data } = (await recovered.json()) as { data: { url: string }[] };
    emulator.faults.next(1, "truncated", { on: "images" });
    await expect(download(emulator, data[0]!.url)).rejects.toThrow();
    expect(emulator.requests.map((request) => request.operation)).toEqual([
      "v3.generate",
      "v3.generate",
      "v3.generate",
      undefined,
    ]);
  });

  it("logs a multipart body's text parts and each file's name, type and size", async () => {
    const emulator = createEmulator();
    const form = new FormData();
    form.append("prompt", "a kite");
    form.append("style_reference_images", new Blob([new Uint8Array(12)], { type: "image/png" }), "ref.png");
    await emulator.fetch(`${ORIGIN}/v1/ideogram-v3/generate`, {
      method: "POST",
      headers: { authorization: `Bearer ${emulator.apiKey}` },
      body: form,
    });
    expect(emulator.requests[0]!.body).toEqual({
      prompt: "a kite",
      style_reference_images: { name: "ref.png", type: "image/png", size: 12 },
    });
  });
});
