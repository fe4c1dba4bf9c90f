import { parseGenerateResponse, RESOLUTIONS } from "@ideokit/core";
import { describe, expect, it } from "vitest";
import { ASPECT_RATIO_SIZES, createEmulator, createManualClock, fixtures } from "../src/index.ts";
import { generate, generateOk, ORIGIN } from "./support/requests.ts";

describe("POST /generate", () => {
  it("answers with the seed page's shape: created timestamp and one image object per image", async () => {
    const clock = createManualClock(Date.UTC(2024, 11, 15, 17, 32, 0, 965));
    const emulator = createEmulator({ clock: clock.now });
    const body = await generateOk(emulator, { prompt: "a lighthouse at dusk", seed: 1785282233 });

    expect(body.created).toBe("2024-12-15T17:32:00.965000+00:00");
    expect(body.data).toHaveLength(1);
    const [image] = body.data;
    expect(Object.keys(image!).sort()).toEqual(Object.keys(fixtures.seedPageResponse.data[0]!).sort());
    expect(image).toMatchObject({
      resolution: "1024x1024",
      seed: 1785282233,
      is_image_safe: true,
      style_type: null,
    });
    expect(image!.url).toMatch(
      new RegExp(`^${ORIGIN}/images/ephemeral/[\\w-]+\\.png\\?exp=\\d+&sig=[0-9a-f]{64}$`),
    );
    expect(parseGenerateResponse(body)).toEqual(body);
  });

  it("answers the seed page's own request with the seed page's resolution and types", async () => {
    const emulator = createEmulator();
    const body = await generateOk(emulator, { ...fixtures.seedPageRequest.image_request });
    const [image] = body.data;
    const [expected] = fixtures.seedPageResponse.data;
    expect(image!.resolution).toBe(expected!.resolution);
    for (const key of Object.keys(expected!) as (keyof typeof expected & string)[]) {
      expect(typeof image![key as keyof typeof image], key).toBe(typeof expected![key]);
    }
  });

  it("serves the reseller's path /ideogram/generate with the same contract", async () => {
    const emulator = createEmulator();
    const response = await generate(
      emulator,
      { image_request: { prompt: "a fox", seed: 3 } },
      { authorization: "Bearer test-key" },
      "/ideogram/generate",
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { url: string; seed: number }[] };
    expect(body.data[0]!.seed).toBe(3);
    expect(body.data[0]!.url.startsWith(`${ORIGIN}/images/ephemeral/`)).toBe(true);
  });

  it("returns num_images images, each with its own URL", async () => {
    const body = await generateOk(createEmulator(), { prompt: "three cats", num_images: 3, seed: 9 });
    expect(body.data).toHaveLength(3);
    expect(new Set(body.data.map((image) => image.url)).size).toBe(3);
    expect(body.data.every((image) => image.seed === 9)).toBe(true);
  });

  it("chooses a seed in range when none is given, from the injectable random source", async () => {
    const values = [0, 0.5, 0.999999999];
    const emulator = createEmulator({ random: () => values.shift() ?? 0 });
    const body = await generateOk(emulator, { prompt: "random", num_images: 3 });
    expect(body.data.map((image) => image.seed)).toEqual([0, 1073741824, 2147483645]);
  });

  it("picks different seeds per call with the default random source", async () => {
    const emulator = createEmulator();
    const seeds = new Set<number>();
    for (let i = 0; i < 5; i++) seeds.add((await generateOk(emulator, { prompt: "random" })).data[0]!.seed);
    expect(seeds.size).toBeGreaterThan(1);
    for (const seed of seeds) expect(Number.isInteger(seed) && seed >= 0 && seed <= 2147483647).toBe(true);
  });

  it("changes the returned prompt visibly with magic prompt ON, keeps it with OFF", async () => {
    const emulator = createEmulator();
    const prompt = "a red bicycle leaning against a wall in an old town square at noon";
    const on = await generateOk(emulator, { prompt, magic_prompt_option: "ON" });
    const off = await generateOk(emulator, { prompt, magic_prompt_option: "OFF" });
    const auto = await generateOk(emulator, { prompt });
    expect(on.data[0]!.prompt.startsWith(prompt)).toBe(true);
    expect(on.data[0]!.prompt.length).toBeGreaterThan(prompt.length + 20);
    expect(off.data[0]!.prompt).toBe(prompt);
    expect(auto.data[0]!.prompt).toBe(prompt);
    expect((await generateOk(emulator, { prompt: "a cat" })).data[0]!.prompt).not.toBe("a cat");
  });

  it("echoes style_type when given", async () => {
    const body = await generateOk(createEmulator(), { prompt: "a cat", style_type: "ANIME" });
    expect(body.data[0]!.style_type).toBe("ANIME");
  });

  it("reports the requested resolution as WxH", async () => {
    const body = await generateOk(createEmulator(), { prompt: "wide", resolution: "RESOLUTION_1280_720" });
    expect(body.data[0]!.resolution).toBe("1280x720");
  });

  it("maps every aspect ratio to a size the service offers, ASPECT_1_1 to 1024x1024 by default", async () => {
    const emulator = createEmulator();
    expect(ASPECT_RATIO_SIZES.ASPECT_1_1).toEqual({ width: 1024, height: 1024 });
    for (const [aspectRatio, { width, height }] of Object.entries(ASPECT_RATIO_SIZES)) {
      expect(RESOLUTIONS).toContain(`RESOLUTION_${width}_${height}`);
      const [numerator, denominator] = aspectRatio.split("_").slice(1).map(Number);
      expect(Math.abs(width / height - numerator! / denominator!)).toBeLessThan(0.05);
      const body = await generateOk(emulator, { prompt: "p", aspect_ratio: aspectRatio });
      expect(body.data[0]!.resolution).toBe(`${width}x${height}`);
    }
  });

  it("puts image URLs under publicURL when given", async () => {
    const body = await generateOk(createEmulator({ publicURL: "https://images.example/up/" }), {
      prompt: "a cat",
    });
    expect(body.data[0]!.url!.startsWith("https://images.example/up/images/ephemeral/")).toBe(true);
  });

  it("keeps the mount prefix in image URLs when the app is mounted under a path", async () => {
    const { Hono } = await import("hono");
    const emulator = createEmulator();
    const parent = new Hono().route("/upstream", emulator.app);
    const response = await parent.request(`${ORIGIN}/upstream/generate`, {
      method: "POST",
      headers: { authorization: "Bearer test-key" },
      body: JSON.stringify({ image_request: { prompt: "mounted" } }),
    });
    const url = ((await response.json()) as { data: { url: string }[] }).data[0]!.url;
    expect(url.startsWith(`${ORIGIN}/upstream/images/ephemeral/`)).toBe(true);
    expect((await parent.request(url)).status).toBe(200);
  });

  it("answers 200 with is_image_safe false and url null for prompts with an unsafe word", async () => {
    const body = await generateOk(createEmulator({ unsafeWords: ["gore"] }), { prompt: "Gore and glory" });
    expect(body.data[0]).toMatchObject({ is_image_safe: false, url: null });
    expect(parseGenerateResponse(body).data[0]!.is_image_safe).toBe(false);
  });

  it("ignores unknown fields with unknownKeys passthrough", async () => {
    const emulator = createEmulator({ unknownKeys: "passthrough" });
    const response = await generate(emulator, {
      image_request: { prompt: "a cat", rendering_speed: "TURBO" },
    });
    expect(response.status).toBe(200);
  });
});
