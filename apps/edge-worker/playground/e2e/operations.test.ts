import { exampleInput, examplePng, type Field, OPERATIONS, type TableOperation } from "@ideokit/core";
import type { LoggedRequest } from "@ideokit/testing";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { local, playgroundSession, shoot, upstream } from "./support/session.ts";

// Every operation of core's table, run from its generated form as a user would: the required
// fields typed, picked or uploaded (masks painted with the mouse), Run, the answer shown by its
// kind, and the one upstream call the emulator received (it validates against the spec) carrying
// what the form held. A new operation in the table gets its test without a change here.

const { open } = playgroundSession();

const operations = OPERATIONS as readonly TableOperation[];
// Big enough to paint a mask on with the mouse; every image of a case has this size, so masks match.
const IMAGE = { width: 320, height: 240 };
const png = Buffer.from(examplePng(IMAGE.width, IMAGE.height));
const PROMPT = "a lighthouse at dusk, oil painting";

/** What the form is given: the operation's minimal valid input, plus a prompt wherever it takes one. */
function formInput(operation: TableOperation): Record<string, unknown> {
  const input = exampleInput(operation, "minimal") as Record<string, unknown>;
  if (operation.fields.prompt !== undefined && input.prompt === undefined) input.prompt = PROMPT;
  return input;
}

const isMask = (field: Field) => field.file?.sameSizeAs !== undefined;

async function paintMask(page: Page, name: string): Promise<void> {
  const canvas = page.locator(`[data-field="${name}"] canvas.paint`);
  // The painter sizes its canvas to the image once the image is decoded.
  await expect
    .poll(() => canvas.evaluate((c: HTMLCanvasElement) => [c.width, c.height]))
    .toEqual([IMAGE.width, IMAGE.height]);
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.4);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.6, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => page.getAttribute(`#${name}`, "data-mask")).toBe("saved");
}

/** Sets every field of `input` through its control; masks last, painted over their image. */
async function fillForm(page: Page, operation: TableOperation, input: Record<string, unknown>) {
  const names = Object.keys(input).sort(
    (a, b) => Number(isMask(operation.fields[a] as Field)) - Number(isMask(operation.fields[b] as Field)),
  );
  for (const name of names) {
    const field = operation.fields[name] as Field;
    const value = input[name];
    if (isMask(field)) await paintMask(page, name);
    else if (field.kind === "file" || field.kind === "file-list") {
      await page
        .locator(`#${name}-input`)
        .setInputFiles({ name: `${name}.png`, mimeType: "image/png", buffer: png });
      await expect.poll(() => page.locator(`[data-field="${name}"] .thumbs img`).count()).toBe(1);
    } else if (field.kind === "enum" || field.kind === "boolean")
      await page.locator(`#${name}`).selectOption(String(value));
    else await page.locator(`#${name}`).fill(Array.isArray(value) ? value.join(", ") : String(value));
  }
}

/** Waits for the answer and checks the gallery shows it as its kind wants. */
async function expectAnswerShown(page: Page, operation: TableOperation, input: Record<string, unknown>) {
  const gallery = page.locator("#gallery");
  const decodedImages = () =>
    page.waitForFunction(() => {
      const images = [...document.querySelectorAll<HTMLImageElement>("#gallery img")];
      return images.length > 0 && images.every((image) => image.complete && image.naturalWidth > 0);
    });
  await expect.poll(() => page.locator("#status").textContent()).toMatch(/: 1 result in [\d.]+ s\.$/);
  switch (operation.response) {
    case "descriptions":
      expect(await gallery.locator(".description").first().textContent()).toMatch(/\w{3,}/);
      break;
    case "magic-prompt":
      // The emulator appends a description to the prompt, as the service does.
      expect(await gallery.locator(".magic-prompt").textContent()).toContain(`${String(input.prompt)}. `);
      break;
    case "layerize":
      await decodedImages();
      expect(await gallery.locator(".layers summary").textContent()).toMatch(/^Text layers \(\d+\)$/);
      expect(await gallery.locator(".layers li").count()).toBeGreaterThan(0);
      break;
    case "layered-images":
      await decodedImages();
      expect(await gallery.locator(".layers summary").textContent()).toMatch(/^Layers \([1-9]\d*\)$/);
      expect(await gallery.locator(".layers li").first().textContent()).toMatch(/^Text \w/);
      break;
    default: {
      await decodedImages();
      const size = await gallery.locator(".size").textContent();
      const natural = await gallery
        .locator("img")
        .evaluate((image: HTMLImageElement) => `${image.naturalWidth} × ${image.naturalHeight}`);
      expect(natural).toBe(size);
    }
  }
}

/** The operation's fields as the emulator received them, unwrapped from the envelope (JSON or a multipart part). */
function receivedFields(operation: TableOperation, call: LoggedRequest): Record<string, unknown> {
  const body = call.body as Record<string, unknown>;
  if (operation.envelope === undefined) return body;
  const inner = body[operation.envelope];
  return { ...body, ...((typeof inner === "string" ? JSON.parse(inner) : inner) as object) };
}

function expectSentFromForm(
  operation: TableOperation,
  input: Record<string, unknown>,
  call: LoggedRequest,
): void {
  const fields = receivedFields(operation, call);
  for (const [name, value] of Object.entries(input)) {
    const field = operation.fields[name] as Field;
    if (field.kind === "file" || field.kind === "file-list") {
      const [part] = [fields[name]].flat() as { type: string; size: number }[];
      expect(part?.type, name).toBe("image/png");
      // A painted mask is encoded by the page; an uploaded image goes as chosen.
      if (!isMask(field)) expect(part?.size, name).toBe(png.byteLength);
    } else {
      // Multipart parts are text: compare as the wire has them.
      expect(String(fields[name]), name).toBe(String(value));
    }
  }
}

async function runOperation(page: Page, operation: TableOperation): Promise<void> {
  const input = formInput(operation);
  await expect.poll(() => page.locator("#operation").inputValue()).toBe(operation.id);
  await fillForm(page, operation, input);
  await page.getByRole("button", { name: "Run" }).click();
  await expectAnswerShown(page, operation, input);
  if (local) {
    const calls = (await upstream!.requests()).filter((call) => call.operation !== undefined);
    // The worker's upstream base URL may carry a prefix before the operation's path.
    expect(calls.map(({ operation, path, status }) => ({ operation, path, status }))).toEqual([
      { operation: operation.id, path: expect.stringMatching(`${operation.path}$`), status: 200 },
    ]);
    expectSentFromForm(operation, input, calls[0]!);
  }
}

// The ones whose forms differ most on a phone: mask painters, file lists, layered answers, texts.
const PHONE = new Set([
  "edit",
  "v3.edit",
  "v3.inpaint",
  "editImages",
  "v3.generateDesign",
  "v3.layerizeText",
]);

describe("every operation of core's table runs from the page", () => {
  it.each(operations)("$id at 1280 px", async (operation) => {
    const page = await open({}, `#op=${operation.id}`);
    await runOperation(page, operation);
    await shoot(page, `playground-op-${operation.id}`);
  });

  it.each(operations.filter((operation) => PHONE.has(operation.id)))("$id at 390 px", async (operation) => {
    const page = await open({ viewport: { width: 390, height: 844 }, isMobile: true }, `#op=${operation.id}`);
    await runOperation(page, operation);
    await shoot(page, `playground-op-${operation.id}-phone`);
  });
});
