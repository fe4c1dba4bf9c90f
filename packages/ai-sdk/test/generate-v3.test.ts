import { InvalidArgumentError } from "@ai-sdk/provider";
import { generateImage } from "ai";
import { describe, expect, it } from "vitest";
import { pngSize, providerFor, useEmulator } from "./support.ts";

const emulator = useEmulator();

describe("generateImage with V_3", () => {
  it("sends aspectRatio as 16x9 and provider options to /v1/ideogram-v3/generate", async () => {
    const result = await generateImage({
      model: providerFor(emulator()).image("V_3"),
      prompt: "a heron logo",
      n: 3,
      aspectRatio: "16:9",
      seed: 11,
      providerOptions: { ideogram: { rendering_speed: "TURBO", magic_prompt: "OFF", style_type: "DESIGN" } },
    });

    expect(result.images).toHaveLength(3);
    const [request] = emulator().requests;
    expect(request?.path).toBe("/v1/ideogram-v3/generate");
    expect(request?.body).toMatchObject({
      prompt: "a heron logo",
      num_images: 3,
      aspect_ratio: "16x9",
      seed: 11,
      rendering_speed: "TURBO",
      magic_prompt: "OFF",
      style_type: "DESIGN",
    });
    const { width, height } = pngSize(result.images[0]!.uint8Array);
    expect(width / height).toBeCloseTo(16 / 9, 1);
    expect(result.providerMetadata.ideogram?.images).toHaveLength(3);
    expect(result.responses[0]?.modelId).toBe("V_3");
  });

  it("sends size as V_3's resolution", async () => {
    const { image } = await generateImage({
      model: providerFor(emulator()).image("V_3"),
      prompt: "a heron",
      size: "1312x736",
    });

    expect(emulator().requests[0]?.body).toMatchObject({ resolution: "1312x736" });
    expect(pngSize(image.uint8Array)).toEqual({ width: 1312, height: 736 });
  });

  it("checks V_3's own enums: aspectRatio in its 16x9 spelling, rendering_speed, magic_prompt", async () => {
    const error = await generateImage({
      model: providerFor(emulator()).image("V_3"),
      prompt: "a fox",
      aspectRatio: "7:5",
      providerOptions: { ideogram: { rendering_speed: "WARP", magic_prompt_option: "ON" } },
    }).catch((caught: unknown) => caught);

    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain("aspectRatio (aspect_ratio)");
    expect(message).toContain('"7x5"');
    expect(message).toContain("providerOptions.ideogram.rendering_speed");
    expect(message).toContain("providerOptions.ideogram.magic_prompt_option");
    expect(emulator().requests).toHaveLength(0);
  });

  it("rejects aspectRatio together with size (one of them only)", async () => {
    const error = await generateImage({
      model: providerFor(emulator()).image("V_3"),
      prompt: "a fox",
      aspectRatio: "16:9",
      size: "1024x1024",
    }).catch((caught: unknown) => caught);

    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/size \(resolution\)|aspectRatio \(aspect_ratio\)/);
    expect(emulator().requests).toHaveLength(0);
  });
});
