import { exampleFont, examplePng } from "@ideokit/core";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { local, playgroundSession, resultsShown, upstream } from "./support/session.ts";

// Pasting an image, as a user does with Ctrl+V after copying one: a real ClipboardEvent with a
// DataTransfer holding a PNG File, dispatched where the browser would (the focused element).

const { open } = playgroundSession();

const png = Buffer.from(examplePng(320, 240));

/** Pastes `png` as `name` into the focused element; whether the page took the paste (preventDefault). */
function paste(page: Page, name: string): Promise<boolean> {
  return page.evaluate(
    ([bytes, fileName]) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], fileName, { type: "image/png" }));
      const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
      (document.activeElement ?? document.body).dispatchEvent(event);
      return event.defaultPrevented;
    },
    [[...png], name] as const,
  );
}

/** The natural widths of the thumbnails a file field shows once they are decoded. */
async function thumbnails(page: Page, field: string): Promise<number[]> {
  return page
    .locator(`[data-field="${field}"] .thumbs img`)
    .evaluateAll((images: HTMLImageElement[]) =>
      images.map((image) => (image.complete ? image.naturalWidth : 0)),
    );
}

/** The one call of `operation` the emulator received, with its multipart body. */
async function onlyCall(operation: string): Promise<Record<string, unknown>> {
  const calls = (await upstream!.requests()).filter((call) => call.operation === operation);
  expect(calls.map((call) => call.status)).toEqual([200]);
  return calls[0]!.body as Record<string, unknown>;
}

const sentFile = (name: string) => ({ name, type: "image/png", size: png.byteLength });

describe("an image pasted into the page", () => {
  it("becomes the input of the operation shown, which then runs on it", async () => {
    const page = await open({}, "#op=upscale");
    expect(await paste(page, "pasted.png")).toBe(true);
    await expect.poll(() => thumbnails(page, "image_file")).toEqual([320]);
    await page.getByRole("button", { name: "Run" }).click();
    await resultsShown(page);
    await expect
      .poll(() => page.locator("#status").textContent())
      .toMatch(/^Upscale \(legacy\): 1 result in/);
    const upscaled = await page
      .locator("#gallery img")
      .evaluate((image: HTMLImageElement) => image.naturalWidth);
    expect(upscaled).toBeGreaterThan(320);
    if (local) expect((await onlyCall("upscale")).image_file).toEqual(sentFile("pasted.png"));
  });

  it("goes to the image field that has focus, else to the operation's first image field", async () => {
    const page = await open({}, "#op=v3.tryOn");
    await page.getByLabel("Prompt", { exact: true }).fill("a person wearing a red jacket");
    expect(await paste(page, "person.png")).toBe(true);
    await expect.poll(() => thumbnails(page, "image")).toEqual([320]);
    await page.locator("#product_reference_images").focus();
    expect(await paste(page, "jacket.png")).toBe(true);
    await expect.poll(() => thumbnails(page, "product_reference_images")).toEqual([320]);
    expect(await thumbnails(page, "image")).toEqual([320]);
    await page.getByRole("button", { name: "Run" }).click();
    await resultsShown(page);
    if (local) {
      const body = await onlyCall("v3.tryOn");
      expect(body.image).toEqual(sentFile("person.png"));
      expect([body.product_reference_images].flat()).toEqual([sentFile("jacket.png")]);
    }
  });

  it("adds to an image list, which an operation with one list takes without focus", async () => {
    const page = await open({}, "#op=editImages");
    await page.getByLabel("Prompt", { exact: true }).fill("make the sky purple");
    expect(await paste(page, "first.png")).toBe(true);
    expect(await paste(page, "second.png")).toBe(true);
    await expect.poll(() => thumbnails(page, "images")).toEqual([320, 320]);
    await page.getByRole("button", { name: "Run" }).click();
    await resultsShown(page);
    if (local) {
      const body = await onlyCall("editImages");
      expect([body.images].flat()).toEqual([sentFile("first.png"), sentFile("second.png")]);
    }
    // With several image lists (3.0 references) an unfocused paste has no obvious target.
    const generate = await open({}, "#op=v3.generate");
    expect(await paste(generate, "reference.png")).toBe(false);
    expect(await thumbnails(generate, "style_reference_images")).toEqual([]);
  });

  it("never lands in a font field: a design operation's image is its flat graphic", async () => {
    const page = await open({}, "#op=v3.graphic");
    const zoneText = (field: string) => page.locator(`#${field}`).textContent();
    expect(await zoneText("flat_graphic_image")).toBe("Drop, paste or choose an image");
    expect(await zoneText("font_file_h1")).toBe("Drop or choose a font");
    await page.getByLabel("Prompt", { exact: true }).fill("a poster that says 'open late'");
    expect(await paste(page, "graphic.png")).toBe(true);
    await expect.poll(() => thumbnails(page, "flat_graphic_image")).toEqual([320]);
    expect(await thumbnails(page, "font_file_h1")).toEqual([]);
    // A focused font field does not take an image either.
    await page.locator("#font_file_h2").focus();
    expect(await paste(page, "graphic.png")).toBe(true);
    expect(await thumbnails(page, "font_file_h2")).toEqual([]);
    // A font chosen for it is listed by name (it is no picture to preview).
    const font = Buffer.from(exampleFont());
    await page
      .locator("#font_file_h1-input")
      .setInputFiles({ name: "heading.ttf", mimeType: "font/ttf", buffer: font });
    await expect
      .poll(() => page.locator('[data-field="font_file_h1"] .thumbs li').allInnerTexts())
      .toEqual(["heading.ttf"]);
    expect(await thumbnails(page, "font_file_h1")).toEqual([]);
    expect(await zoneText("font_file_h1")).toContain("Replace: drop or choose a font");
    await page.getByRole("button", { name: "Run" }).click();
    await resultsShown(page);
    if (local) {
      const body = await onlyCall("v3.graphic");
      expect(body.flat_graphic_image).toEqual(sentFile("graphic.png"));
      expect(body.font_file_h1).toMatchObject({ name: "heading.ttf", size: font.byteLength });
    }
    // "Use this result in…" offers the operations with an image field, not one with fonts only.
    const targets = await page
      .getByRole("combobox", { name: "Use this result in" })
      .locator("option")
      .evaluateAll((options: HTMLOptionElement[]) => options.map((option) => option.value));
    expect(targets).toContain("v3.graphic");
    expect(targets).not.toContain("v3.generateDesign");
  });
});
