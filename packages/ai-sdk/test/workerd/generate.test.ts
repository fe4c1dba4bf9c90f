import { APICallError } from "@ai-sdk/provider";
import { examplePng } from "@ideokit/core";
import { createEmulator } from "@ideokit/testing";
import { generateImage } from "ai";
import { describe, expect, it } from "vitest";
import { createIdeogram } from "../../src/index.ts";
import { OUTBOUND_BASE_URL, OUTBOUND_KEY } from "./outbound.ts";

const API_KEY = "sk-workerd-inline-4b7a";

function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe("in workerd", () => {
  it("generates through the emulator's Hono app passed as the provider's fetch", async () => {
    const emulator = createEmulator({ apiKey: API_KEY });
    const ideogram = createIdeogram({
      apiKey: API_KEY,
      baseURL: "http://emulator.test",
      fetch: emulator.fetch,
    });

    const result = await generateImage({
      model: ideogram.image("V_2"),
      prompt: "a lighthouse at dusk",
      aspectRatio: "3:2",
      n: 2,
      seed: 9,
    });

    expect(result.images.map((image) => pngSize(image.uint8Array))).toEqual([
      { width: 1248, height: 832 },
      { width: 1248, height: 832 },
    ]);
    expect(result.providerMetadata.ideogram?.images).toEqual([
      expect.objectContaining({ seed: 9, resolution: "1248x832", is_image_safe: true }),
      expect.objectContaining({ seed: 9, resolution: "1248x832", is_image_safe: true }),
    ]);
    expect(emulator.requests.map((request) => request.path.split("/")[1])).toEqual([
      "generate",
      "images",
      "images",
    ]);
  });

  it("edits with a mask (multipart built from web Blobs) and remixes", async () => {
    const emulator = createEmulator({ apiKey: API_KEY });
    const ideogram = createIdeogram({
      apiKey: API_KEY,
      baseURL: "http://emulator.test",
      fetch: emulator.fetch,
    });

    const edited = await generateImage({
      model: ideogram.image("V_3"),
      prompt: { text: "a hat", images: [examplePng(96, 64)], mask: examplePng(96, 64) },
    });
    const remixed = await generateImage({
      model: ideogram.image("V_2"),
      prompt: { text: "a hat", images: [examplePng(64, 64)] },
      size: "1024x1024",
    });

    expect(pngSize(edited.image.uint8Array)).toEqual({ width: 96, height: 64 });
    expect(pngSize(remixed.image.uint8Array)).toEqual({ width: 1024, height: 1024 });
    expect(
      emulator.requests.filter((request) => request.method === "POST").map((request) => request.path),
    ).toEqual(["/v1/ideogram-v3/edit", "/remix"]);
  });

  it("uses workerd's global fetch by default", async () => {
    const ideogram = createIdeogram({ apiKey: OUTBOUND_KEY, baseURL: OUTBOUND_BASE_URL });

    const { image, responses } = await generateImage({ model: ideogram.image("V_2_TURBO"), prompt: "a fox" });

    expect(pngSize(image.uint8Array)).toEqual({ width: 1024, height: 1024 });
    expect(responses[0]?.headers?.["x-request-id"]).toBeTruthy();
  });

  it("reports a retryable APICallError for a 503, leaving retries to the AI SDK", async () => {
    const emulator = createEmulator({ apiKey: API_KEY });
    emulator.faults.next(1, "503");
    const ideogram = createIdeogram({
      apiKey: API_KEY,
      baseURL: "http://emulator.test",
      fetch: emulator.fetch,
    });

    const error = await generateImage({ model: ideogram.image("V_1"), prompt: "a fox", maxRetries: 0 }).catch(
      (caught: unknown) => caught,
    );

    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).isRetryable).toBe(true);
    expect(emulator.requests).toHaveLength(1);
  });
});
