import { InvalidArgumentError } from "@ai-sdk/provider";
import { generateImage } from "ai";
import { describe, expect, it } from "vitest";
import { providerFor, useEmulator } from "./support.ts";

const emulator = useEmulator();

describe("generateImage with V_3 (validation)", () => {
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
