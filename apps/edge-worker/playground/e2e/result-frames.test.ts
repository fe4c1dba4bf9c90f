import { examplePng } from "@ideokit/core";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { playgroundSession, resultsShown, shoot } from "./support/session.ts";

// How a result's frame shows what the per-operation tests do not look at: a transparent image over
// the checkerboard, and the image layers of a design outlined where they sit. Both checked on the
// pixels Chromium paints (a screenshot of the frame, read back through a canvas).

const { open } = playgroundSession();

type Rgb = [number, number, number];

/** The colours Chromium paints at each of `points` (CSS px from the element's top-left corner). */
async function paintedAt(page: Page, element: Locator, points: [number, number][]): Promise<Rgb[]> {
  const shot = (await element.screenshot()).toString("base64");
  return page.evaluate(
    async ([base64, at]) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext("2d")!;
      context.drawImage(bitmap, 0, 0);
      return at.map(([x, y]) => [...context.getImageData(x, y, 1, 1).data.slice(0, 3)] as Rgb);
    },
    [shot, points] as const,
  );
}

/** The image's own pixel (with alpha) at a point given as fractions of its width and height. */
function sourcePixel(image: Locator, fx: number, fy: number): Promise<number[]> {
  return image.evaluate(
    (img: HTMLImageElement, [x, y]) => {
      const canvas = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
      const context = canvas.getContext("2d")!;
      context.drawImage(img, 0, 0);
      return [
        ...context.getImageData(Math.floor(img.naturalWidth * x), Math.floor(img.naturalHeight * y), 1, 1)
          .data,
      ];
    },
    [fx, fy] as const,
  );
}

/**
 * A point (fractions of width and height) in an opaque area of one flat colour, 2% of the image
 * each way: painted scaled down, it keeps that colour, wherever the seed put the emulator's shapes.
 */
function flatOpaquePoint(image: Locator): Promise<{ at: [number, number]; colour: Rgb } | undefined> {
  return image.evaluate((img: HTMLImageElement) => {
    const canvas = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
    const context = canvas.getContext("2d")!;
    context.drawImage(img, 0, 0);
    const pixel = (fx: number, fy: number) => [
      ...context.getImageData(Math.floor(img.naturalWidth * fx), Math.floor(img.naturalHeight * fy), 1, 1)
        .data,
    ];
    const steps = [-0.02, -0.01, 0, 0.01, 0.02];
    for (let fy = 0.2; fy <= 0.8; fy += 0.025) {
      for (let fx = 0.2; fx <= 0.8; fx += 0.025) {
        const [r, g, b, a] = pixel(fx, fy) as [number, number, number, number];
        const flat = steps.every((dy) =>
          steps.every((dx) => pixel(fx + dx, fy + dy).every((value, index) => value === [r, g, b, a][index])),
        );
        if (a === 255 && flat) return { at: [fx, fy] as [number, number], colour: [r, g, b] as Rgb };
      }
    }
    return undefined;
  });
}

const near = (a: Rgb, b: Rgb) => a.every((channel, index) => Math.abs(channel - (b[index] as number)) <= 3);
// The two squares of `.frame`'s checkerboard (styles.css).
const LIGHT: Rgb = [250, 250, 250];
const DARK: Rgb = [212, 212, 216];

describe("result frames", () => {
  it("show a transparent result over a checkerboard", async () => {
    const page = await open({}, "#op=v3.generateTransparent");
    await page.getByLabel("Prompt", { exact: true }).fill("a glass teapot, product shot");
    // A fixed seed: the emulator draws the same image on every run (its shapes follow the seed).
    await page.getByLabel("Seed", { exact: true }).fill("7");
    await page.getByRole("button", { name: "Run" }).click();
    await resultsShown(page);
    const frame = page.locator("#gallery .frame").first();
    const image = frame.locator("img");
    // The emulator's transparent answer: clear along the top edge, opaque inside.
    expect((await sourcePixel(image, 0.5, 0.005))[3]).toBe(0);
    const inside = await flatOpaquePoint(image);
    expect(inside).toBeDefined();

    const box = (await frame.boundingBox())!;
    // A row of points 8 px apart along the clear top edge (past the rounded corner) crosses the
    // 16 px squares: both colours show through. Inside, the image's own colour covers them.
    const row = Array.from({ length: 8 }, (_, index) => [24 + index * 8, 3] as [number, number]);
    const point: [number, number] = [
      Math.floor(box.width * inside!.at[0]),
      Math.floor(box.height * inside!.at[1]),
    ];
    const painted = await paintedAt(page, frame, [...row, point]);
    const edge = painted.slice(0, -1);
    expect(
      edge.every((colour) => near(colour, LIGHT) || near(colour, DARK)),
      `edge ${edge}`,
    ).toBe(true);
    expect(edge.some((colour) => near(colour, LIGHT))).toBe(true);
    expect(edge.some((colour) => near(colour, DARK))).toBe(true);
    expect(near(painted.at(-1)!, inside!.colour), `painted ${painted.at(-1)} for ${inside!.colour}`).toBe(
      true,
    );
    await shoot(page, "playground-transparent");
  });

  it("outline a design's image layers where its answer puts them, and list them", async () => {
    const page = await open({}, "#op=v3.generateDesign");
    await page.getByLabel("Prompt", { exact: true }).fill('a cafe poster that says "Fresh Coffee"');
    await page.locator("#reference_asset_images-input").setInputFiles({
      name: "logo.png",
      mimeType: "image/png",
      buffer: Buffer.from(examplePng(64, 64)),
    });
    await expect
      .poll(() => page.locator('[data-field="reference_asset_images"] .thumbs img').count())
      .toBe(1);
    await page.getByRole("button", { name: "Run" }).click();
    await resultsShown(page);
    const card = page.locator("#gallery .card").first();
    await expect.poll(() => card.locator(".layers summary").textContent()).toMatch(/^Layers \(\d+\)$/);
    const layer = await card.locator(".layers li", { hasText: /^Image / }).textContent();
    const [, x, y, width, height] = (
      /^Image REF_0 at (\d+), (\d+) \((\d+) × (\d+)\)$/.exec(layer ?? "") ?? []
    ).map(Number);
    expect(width).toBeGreaterThan(0);
    const [imageWidth, imageHeight] = ((await card.locator(".size").textContent()) ?? "")
      .split(" × ")
      .map(Number);

    // The outline sits over the layer's box, scaled from the image's pixels to the frame's.
    const frame = (await card.locator(".frame").boundingBox())!;
    const outline = (await card.locator(".frame .layer-box").boundingBox())!;
    const scale = frame.width / imageWidth!;
    expect(frame.height / imageHeight!).toBeCloseTo(scale, 2);
    expect(outline.x - frame.x).toBeCloseTo(x! * scale, 0);
    expect(outline.y - frame.y).toBeCloseTo(y! * scale, 0);
    expect(outline.width).toBeCloseTo(width! * scale, 0);
    expect(outline.height).toBeCloseTo(height! * scale, 0);
    await shoot(page, "playground-layers");
  });
});
