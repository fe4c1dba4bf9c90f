import { ASPECT_RATIOS, aspectRatioValue, RESOLUTIONS, resolutionSize } from "@ideokit/core";
import { describe, expect, it } from "vitest";
import { expectedAspectRatio } from "../src/expected-shape.ts";

describe("expectedAspectRatio", () => {
  it("follows the resolution, else the aspect ratio, else a square", () => {
    for (const resolution of RESOLUTIONS) {
      const { width, height } = resolutionSize(resolution);
      expect(expectedAspectRatio({ prompt: "x", resolution })).toBe(width / height);
    }
    for (const aspect_ratio of ASPECT_RATIOS) {
      expect(expectedAspectRatio({ prompt: "x", aspect_ratio })).toBe(aspectRatioValue(aspect_ratio));
    }
    expect(expectedAspectRatio({ prompt: "x" })).toBe(1);
  });
});
