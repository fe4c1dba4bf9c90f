import { InvalidArgumentError, UnsupportedFunctionalityError } from "@ai-sdk/provider";
import { examplePng } from "@ideokit/core";
import { generateImage } from "ai";
import { describe, expect, it } from "vitest";
import { pngSize, providerFor, useEmulator } from "./support.ts";

const emulator = useEmulator();
const paths = () => emulator().requests.map((request) => request.path);

describe("editing through prompt.images and prompt.mask", () => {
  it("sends V_3 image + mask to /v1/ideogram-v3/edit and keeps the image's size", async () => {
    const result = await generateImage({
      model: providerFor(emulator()).image("V_3"),
      prompt: { text: "put a red hat on the fox", images: [examplePng(96, 64)], mask: examplePng(96, 64) },
      n: 2,
      seed: 5,
      providerOptions: { ideogram: { rendering_speed: "TURBO" } },
    });

    expect(result.images.map((image) => pngSize(image.uint8Array))).toEqual([
      { width: 96, height: 64 },
      { width: 96, height: 64 },
    ]);
    expect(paths()[0]).toBe("/v1/ideogram-v3/edit");
    expect(result.providerMetadata.ideogram?.images).toEqual([
      expect.objectContaining({ seed: 5, is_image_safe: true }),
      expect.objectContaining({ seed: 5, is_image_safe: true }),
    ]);
  });

  it("sends a V_3 image without a mask to /v1/ideogram-v3/remix, with aspectRatio and image_weight", async () => {
    const { image } = await generateImage({
      model: providerFor(emulator()).image("V_3"),
      prompt: { text: "the same fox in watercolour", images: [examplePng(64, 64)] },
      aspectRatio: "16:9",
      providerOptions: { ideogram: { image_weight: 70 } },
    });

    expect(paths()[0]).toBe("/v1/ideogram-v3/remix");
    const { width, height } = pngSize(image.uint8Array);
    expect(width).toBeGreaterThan(height);
  });

  it("sends a legacy model's edit to /edit with its model, warning that an edit has no aspect ratio", async () => {
    const result = await generateImage({
      model: providerFor(emulator()).image("V_2"),
      prompt: { text: "a hat", images: [examplePng(80, 80)], mask: examplePng(80, 80) },
      aspectRatio: "16:9",
    });

    expect(paths()[0]).toBe("/edit");
    expect(pngSize(result.image.uint8Array)).toEqual({ width: 80, height: 80 });
    expect(result.warnings).toEqual([
      expect.objectContaining({ type: "unsupported", feature: "aspectRatio" }),
    ]);
  });

  it("sends a legacy model's remix to /remix; images may be base64 data URLs", async () => {
    const png = examplePng(64, 64);
    const dataUrl = `data:image/png;base64,${Buffer.from(png).toString("base64")}`;
    const { image } = await generateImage({
      model: providerFor(emulator()).image("V_2_TURBO"),
      prompt: { text: "a fox, remixed", images: [dataUrl] },
      size: "1024x1024",
    });

    expect(paths()[0]).toBe("/remix");
    expect(pngSize(image.uint8Array)).toEqual({ width: 1024, height: 1024 });
  });

  it("rejects a mask of another size than the image, naming prompt.mask, before sending", async () => {
    const error = await generateImage({
      model: providerFor(emulator()).image("V_3"),
      prompt: { text: "a hat", images: [examplePng(96, 64)], mask: examplePng(32, 32) },
    }).catch((caught: unknown) => caught);

    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe("prompt.mask");
    expect((error as Error).message).toMatch(/32×32|32x32/);
    expect(emulator().requests).toHaveLength(0);
  });

  it("rejects a file that is not an image, and more than one image, before sending", async () => {
    const notAnImage = await generateImage({
      model: providerFor(emulator()).image("V_3"),
      prompt: { text: "a hat", images: [new TextEncoder().encode("GIF? no, plain text")] },
    }).catch((caught: unknown) => caught);
    expect((notAnImage as InvalidArgumentError).argument).toBe("prompt.images[0]");

    const two = await generateImage({
      model: providerFor(emulator()).image("V_3"),
      prompt: { text: "a hat", images: [examplePng(8, 8), examplePng(8, 8)] },
    }).catch((caught: unknown) => caught);
    expect((two as InvalidArgumentError).argument).toBe("prompt.images");
    expect(emulator().requests).toHaveLength(0);
  });

  it("refuses providerOptions that would replace the image", async () => {
    const error = await generateImage({
      model: providerFor(emulator()).image("V_3"),
      prompt: { text: "a hat", images: [examplePng(8, 8)] },
      providerOptions: { ideogram: { image: "elsewhere.png" } },
    }).catch((caught: unknown) => caught);

    expect((error as InvalidArgumentError).argument).toBe("providerOptions.ideogram.image");
    expect(emulator().requests).toHaveLength(0);
  });
});

describe("V_4", () => {
  it("generates one image per request and warns that it takes no aspect ratio", async () => {
    const result = await generateImage({
      model: providerFor(emulator()).image("V_4"),
      prompt: "a lighthouse",
      n: 2,
      aspectRatio: "16:9",
      seed: 3,
      providerOptions: { ideogram: { magic_prompt_option: "OFF" } },
    });

    expect(result.images).toHaveLength(2);
    const generate = emulator().requests.filter((request) => request.path === "/v1/ideogram-v4/generate");
    expect(generate).toHaveLength(2);
    for (const request of generate) {
      expect(request.body).toEqual({ prompt: "a lighthouse", seed: 3, magic_prompt_option: "OFF" });
    }
    expect(result.warnings).toEqual([
      expect.objectContaining({ type: "unsupported", feature: "aspectRatio" }),
      expect.objectContaining({ type: "unsupported", feature: "aspectRatio" }),
    ]);
  });

  it("says it cannot edit, and advertises that", async () => {
    const model = providerFor(emulator()).image("V_4");
    expect(model.supportsFileInputs).toBe(false);
    expect(providerFor(emulator()).image("V_3").supportsMaskInputs).toBe(true);

    const error = await generateImage({
      model,
      prompt: { text: "a hat", images: [examplePng(8, 8)] },
    }).catch((caught: unknown) => caught);
    expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
    expect(emulator().requests).toHaveLength(0);
  });
});
