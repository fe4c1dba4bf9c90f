import { COLOR_PALETTE_PRESETS, type ColorPalettePreset, isImageUrlExpired } from "@ideokit/core";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  createEmulator,
  createManualClock,
  PALETTE_PRESET_COLORS,
  type PalettePresetName,
  readPngInfo,
} from "../src/index.ts";
import { colorCounts, decodePng } from "./support/decode-png.ts";
import { download, generateOk, ORIGIN } from "./support/requests.ts";

async function imageFor(request: Record<string, unknown>, emulator = createEmulator()) {
  const body = await generateOk(emulator, request);
  return download(emulator, body.data[0]!.url!);
}

describe("served images", () => {
  it("are valid PNGs of exactly the requested resolution", async () => {
    const bytes = await imageFor({ prompt: "wide", resolution: "RESOLUTION_1280_720" });
    expect(readPngInfo(bytes)).toEqual({ width: 1280, height: 720, bitDepth: 8, colorType: 2 });
    const decoded = decodePng(bytes);
    expect([decoded.width, decoded.height]).toEqual([1280, 720]);
  });

  it("have the size the aspect ratio maps to (1024x1024 by default)", async () => {
    expect(readPngInfo(await imageFor({ prompt: "square" }))).toMatchObject({ width: 1024, height: 1024 });
    const tall = decodePng(await imageFor({ prompt: "tall", aspect_ratio: "ASPECT_10_16" }));
    expect([tall.width, tall.height]).toEqual([768, 1232]);
  });

  it("are byte-identical for identical requests, even across emulators", async () => {
    const request = { prompt: "a lighthouse", seed: 7, color_palette: { name: "EMBER" } };
    const first = await imageFor(request);
    const second = await imageFor(request);
    const elsewhere = await imageFor(request, createEmulator({ signingSecret: "other" }));
    expect(second).toEqual(first);
    expect(elsewhere).toEqual(first);
  });

  it("differ when the seed, the prompt or the palette differ", async () => {
    const base = await imageFor({ prompt: "a lighthouse", seed: 7, magic_prompt_option: "OFF" });
    const otherSeed = await imageFor({ prompt: "a lighthouse", seed: 8, magic_prompt_option: "OFF" });
    const otherPrompt = await imageFor({ prompt: "a lighthouse!", seed: 7, magic_prompt_option: "OFF" });
    const otherPalette = await imageFor({
      prompt: "a lighthouse",
      seed: 7,
      magic_prompt_option: "OFF",
      color_palette: { name: "JUNGLE" },
    });
    expect(otherSeed).not.toEqual(base);
    expect(otherPrompt).not.toEqual(base);
    expect(otherPalette).not.toEqual(base);
  });

  it("differ between the images of one num_images request", async () => {
    const emulator = createEmulator();
    const body = await generateOk(emulator, { prompt: "twins", seed: 1, num_images: 2 });
    const [first, second] = await Promise.all(body.data.map((image) => download(emulator, image.url!)));
    expect(second).not.toEqual(first);
  });

  it("paint every custom palette colour, in exact pixels, roughly in proportion to its weight", async () => {
    const members = [
      { color_hex: "#ff0000", color_weight: 1 },
      { color_hex: "#00F", color_weight: 0.25 },
      { color_hex: "#10e020" },
    ];
    const png = decodePng(await imageFor({ prompt: "flag", seed: 3, color_palette: { members } }));
    const counts = colorCounts(png);
    const red = counts.get("#ff0000") ?? 0;
    const blue = counts.get("#0000ff") ?? 0;
    const green = counts.get("#10e020") ?? 0;
    const total = png.width * png.height;
    expect(red + blue + green).toBeGreaterThan(total * 0.4);
    expect(blue).toBeGreaterThan(0);
    expect(red).toBeGreaterThan(blue * 2);
    expect(green).toBeGreaterThan(blue * 2);
  });

  it("paint the colours of a preset palette", async () => {
    const counts = colorCounts(
      decodePng(await imageFor({ prompt: "sunset", color_palette: { name: "MOSAIC" } })),
    );
    for (const hex of PALETTE_PRESET_COLORS.MOSAIC) expect(counts.get(hex), hex).toBeGreaterThan(0);
  });

  it("have colours for exactly core's preset names", () => {
    expectTypeOf<PalettePresetName>().toEqualTypeOf<ColorPalettePreset>();
    expect(Object.keys(PALETTE_PRESET_COLORS).sort()).toEqual([...COLOR_PALETTE_PRESETS].sort());
  });

  it("carry a signed exp 24 h after creation and expire then: 403 (injectable clock)", async () => {
    const clock = createManualClock(Date.UTC(2025, 5, 1));
    const emulator = createEmulator({ clock: clock.now });
    const url = (await generateOk(emulator, { prompt: "ephemeral" })).data[0]!.url!;
    expect(new URL(url).searchParams.get("exp")).toBe(String(Date.UTC(2025, 5, 1) / 1000 + 86_400));
    clock.advance(86_400_000 - 1000);
    expect((await emulator.fetch(url)).status).toBe(200);
    expect(isImageUrlExpired(url, clock.now())).toBe(false);
    clock.advance(1000);
    const expired = await emulator.fetch(url);
    expect(expired.status).toBe(403);
    expect(((await expired.json()) as { detail: string }).detail).toMatch(/expired/);
    expect(isImageUrlExpired(url, clock.now())).toBe(true);
  });

  it("honour imageTtlSeconds", async () => {
    const clock = createManualClock();
    const emulator = createEmulator({ clock: clock.now, imageTtlSeconds: 60 });
    const url = (await generateOk(emulator, { prompt: "short-lived" })).data[0]!.url!;
    clock.advance(60_000);
    expect((await emulator.fetch(url)).status).toBe(403);
  });

  it("answer 403 for a bad signature, a tampered exp or a URL signed by another emulator", async () => {
    const emulator = createEmulator();
    const url = new URL((await generateOk(emulator, { prompt: "signed" })).data[0]!.url!);
    const badSignature = new URL(url);
    badSignature.searchParams.set("sig", "0".repeat(64));
    const laterExpiry = new URL(url);
    laterExpiry.searchParams.set("exp", String(Number(url.searchParams.get("exp")) + 3600));
    const noSignature = new URL(url);
    noSignature.searchParams.delete("sig");
    for (const tampered of [badSignature, laterExpiry, noSignature]) {
      expect((await emulator.fetch(tampered)).status, tampered.search).toBe(403);
    }
    expect((await createEmulator().fetch(url)).status).toBe(403);
  });

  it("answer 404 for unknown image ids", async () => {
    const emulator = createEmulator();
    const query = `?exp=9999999999&sig=${"0".repeat(64)}`;
    for (const id of ["WkoxvqiOTaaCqG1nO2tQoA", "nope", "AQQABAAAAAAq-esF3QABAA.jpg"]) {
      const file = id.includes(".") ? id : `${id}.png`;
      expect((await emulator.fetch(`${ORIGIN}/images/ephemeral/${file}${query}`)).status, id).toBe(404);
    }
  });

  it("answer HEAD with the PNG's headers and no body", async () => {
    const emulator = createEmulator();
    const url = (await generateOk(emulator, { prompt: "head" })).data[0]!.url!;
    const head = await emulator.fetch(url, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe("image/png");
    expect(Number(head.headers.get("content-length"))).toBeGreaterThan(0);
    expect(await head.text()).toBe("");
  });
});

describe("readPngInfo", () => {
  it("throws a TypeError for bytes that are not a PNG", () => {
    expect(() => readPngInfo(new TextEncoder().encode("GIF89a not a png at all, sorry folks"))).toThrow(
      TypeError,
    );
    expect(() => readPngInfo(new Uint8Array(4))).toThrow(TypeError);
  });
});
