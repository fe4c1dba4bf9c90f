import { describe, expect, it } from "vitest";
import {
  ASPECT_RATIOS,
  aspectRatioValue,
  imageUrlExpiresAt,
  isImageUrlExpired,
  parseResolution,
  RESOLUTIONS,
  resolutionSize,
  toAspectRatio,
  toResolution,
} from "../src/index.ts";

const seedUrl =
  "https://ideogram.ai/api/images/ephemeral/WkoxvqiOTaaCqG1nO2tQoA.png?exp=1734370337&sig=110fe96dc9e01002c8d837e5b4cde1aaa266195561d231ce76e19e095e478ffe";

describe("image URL expiry", () => {
  it("reads exp= as unix seconds", () => {
    expect(imageUrlExpiresAt(seedUrl)?.toISOString()).toBe("2024-12-16T17:32:17.000Z");
    expect(imageUrlExpiresAt("https://x.test/a.png?sig=1&exp=60")?.getTime()).toBe(60_000);
    expect(imageUrlExpiresAt("https://x.test/a.png?exp=60#frag")?.getTime()).toBe(60_000);
  });

  it.each([
    "https://ideogram.ai/api/images/direct/8YEpFzHuS-S6xXEGmCsf7g",
    "https://x.test/a.png?myexp=1734370337",
    "https://x.test/a.png?exp=soon",
    "https://x.test/a.png?exp=",
  ])("is unknown for %s", (url) => {
    expect(imageUrlExpiresAt(url)).toBeUndefined();
    expect(isImageUrlExpired(url, Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it("is expired from the exp second on, given a Date or a number", () => {
    expect(isImageUrlExpired(seedUrl, new Date("2024-12-16T17:32:16.999Z"))).toBe(false);
    expect(isImageUrlExpired(seedUrl, new Date("2024-12-16T17:32:17.000Z"))).toBe(true);
    expect(isImageUrlExpired(seedUrl, 1734370337000 - 1)).toBe(false);
    expect(isImageUrlExpired(seedUrl)).toBe(true);
  });
});

describe("resolutions", () => {
  it("parses the response form", () => {
    expect(parseResolution("768x1232")).toEqual({ width: 768, height: 1232 });
    expect(parseResolution("RESOLUTION_768_1232")).toBeUndefined();
    expect(parseResolution("768 x 1232")).toBeUndefined();
  });

  it("sizes every enum value and maps each back from WxH", () => {
    for (const resolution of RESOLUTIONS) {
      const { width, height } = resolutionSize(resolution);
      expect(`RESOLUTION_${width}_${height}`).toBe(resolution);
      expect(toResolution(`${width}x${height}`)).toBe(resolution);
      expect(toResolution(resolution)).toBe(resolution);
    }
  });

  it.each([
    ["1024*1024", "RESOLUTION_1024_1024"],
    [" 1280 × 720 ", "RESOLUTION_1280_720"],
    ["resolution_1024_1024", "RESOLUTION_1024_1024"],
    ["1024x1000", undefined],
    ["4096x4096", undefined],
    ["big", undefined],
  ])("toResolution(%j) → %s", (text, expected) => {
    expect(toResolution(text)).toBe(expected);
  });
});

describe("aspect ratios", () => {
  it("maps every enum value to itself and from W:H", () => {
    for (const aspectRatio of ASPECT_RATIOS) {
      const [, width, height] = aspectRatio.split("_");
      expect(toAspectRatio(aspectRatio)).toBe(aspectRatio);
      expect(toAspectRatio(`${width}:${height}`)).toBe(aspectRatio);
      expect(aspectRatioValue(aspectRatio)).toBe(Number(width) / Number(height));
    }
  });

  it.each([
    ["16x9", "ASPECT_16_9"],
    ["16/9", "ASPECT_16_9"],
    ["aspect_1_1", "ASPECT_1_1"],
    ["21:9", undefined],
    ["9:16:1", undefined],
  ])("toAspectRatio(%j) → %s", (text, expected) => {
    expect(toAspectRatio(text)).toBe(expected);
  });

  it("gives 16/9 for ASPECT_16_9", () => {
    expect(aspectRatioValue("ASPECT_16_9")).toBeCloseTo(1.7778, 4);
  });
});
