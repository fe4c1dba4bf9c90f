import { examplePng } from "@ideokit/core";
import { generateImage } from "ai";
import { describe, expect, inject, it } from "vitest";
import { createIdeogram } from "../../src/index.ts";
import { BROWSER_TOKEN } from "./token.ts";

// In Chromium: the page's own fetch, a client token instead of the key, CORS on every request.
const ideogram = createIdeogram({ apiKey: BROWSER_TOKEN, baseURL: inject("emulatorURL") });

async function sizeOf(bytes: Uint8Array): Promise<{ width: number; height: number }> {
  const bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "image/png" }));
  return { width: bitmap.width, height: bitmap.height };
}

describe("in a browser", () => {
  it("generates and downloads decodable images", async () => {
    const result = await generateImage({
      model: ideogram.image("V_2"),
      prompt: "a fox",
      aspectRatio: "4:3",
      n: 2,
    });

    expect(result.images).toHaveLength(2);
    expect(await sizeOf(result.images[0]!.uint8Array)).toEqual({ width: 1152, height: 864 });
    expect(result.providerMetadata.ideogram?.images).toHaveLength(2);
  });

  it("edits an image with a mask built in the page", async () => {
    const result = await generateImage({
      model: ideogram.image("V_3"),
      prompt: { text: "a hat", images: [examplePng(96, 64)], mask: examplePng(96, 64) },
    });

    expect(await sizeOf(result.image.uint8Array)).toEqual({ width: 96, height: 64 });
  });
});
