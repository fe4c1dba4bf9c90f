import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { LoggedRequest } from "@ideokit/testing";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { local, origin, playgroundSession, shoot, upstream } from "./support/session.ts";

const { open: openPlayground } = playgroundSession();

/** The bodies of the generate calls that reached the emulator since the test began. */
async function generateBodies(): Promise<LoggedRequest["body"][]> {
  const requests = (await upstream?.requests()) ?? [];
  return requests.filter((request) => request.path.endsWith("/generate")).map((request) => request.body);
}

interface ShownImage {
  naturalWidth: number;
  naturalHeight: number;
  src: string;
  size: string;
  seed: string;
  download: string;
}

/** Waits until the gallery shows `count` fully decoded images, then reads each card. */
async function loadedImages(page: Page, count: number): Promise<ShownImage[]> {
  await page.waitForFunction((expected) => {
    const images = [...document.querySelectorAll<HTMLImageElement>(".gallery img")];
    return images.length === expected && images.every((image) => image.complete && image.naturalWidth > 0);
  }, count);
  return page.$$eval(".gallery figure.card", (cards) =>
    cards.map((card) => {
      const image = card.querySelector("img")!;
      return {
        naturalWidth: image.naturalWidth,
        naturalHeight: image.naturalHeight,
        src: image.src,
        size: card.querySelector(".size")?.textContent ?? "",
        seed: card.querySelector(".seed")?.firstChild?.textContent ?? "",
        download: card.querySelector<HTMLAnchorElement>("a.download")?.href ?? "",
      };
    }),
  );
}

function shownSize(image: ShownImage): { width: number; height: number } {
  const [, width, height] = /^(\d+) × (\d+)$/.exec(image.size) ?? [];
  return { width: Number(width), height: Number(height) };
}

async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

describe("the playground page", () => {
  it("is served at / with its security headers, every other path reaching the worker", async () => {
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await page.text()).toContain("<title>ideokit playground</title>");
    const health = await fetch(`${origin}/healthz`);
    expect(await health.json()).toEqual({ status: "ok" });
    const missing = await fetch(`${origin}/no-such-page`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { type: string } }).error.type).toBe("not_found");
    expect(missing.headers.get("x-request-id")).not.toBeNull();
  });

  it("spaces the generated fields apart, so each hint reads with its own field", async () => {
    const page = await openPlayground({}, "#op=v3.generateDesign");
    const gaps = await page.evaluate(() =>
      ["#fields", "#more-fields"].flatMap((container) => {
        const boxes = [...document.querySelectorAll(`${container} > .field`)].map((field) =>
          field.getBoundingClientRect(),
        );
        return boxes.slice(1).map((box, index) => box.top - boxes[index]!.bottom);
      }),
    );
    expect(gaps.length).toBeGreaterThan(10);
    // The space between two fields is wider than the 6 px between a field's own label, control and hint.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(12);
  });

  it("fills the Results panel with the empty state, beside a form as tall as the column", async () => {
    const page = await openPlayground();
    const layout = await page.evaluate(() => {
      const rect = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
      const panel = document.getElementById("results")!;
      const style = getComputedStyle(panel);
      const empty = document.querySelector("#gallery .empty")!;
      return {
        formBottom: rect("#generate-form").bottom,
        columnBottom: rect(".snippets").bottom,
        panelContentBottom:
          panel.getBoundingClientRect().bottom -
          Number.parseFloat(style.borderBottomWidth) -
          Number.parseFloat(style.paddingBottom),
        emptyBottom: rect("#gallery .empty").bottom,
        emptyHeight: rect("#gallery .empty").height,
        lineHeight: Number.parseFloat(getComputedStyle(empty).lineHeight),
        textAlign: getComputedStyle(empty).textAlign,
      };
    });
    expect(Math.abs(layout.columnBottom - layout.formBottom)).toBeLessThan(2);
    expect(Math.abs(layout.emptyBottom - layout.panelContentBottom)).toBeLessThan(3);
    expect(layout.emptyHeight).toBeGreaterThan(3 * layout.lineHeight);
    expect(layout.textAlign).toBe("center");
    await shoot(page, "playground-empty");

    // On a phone the panels stack: the empty state keeps a height of its own.
    await page.setViewportSize({ width: 390, height: 844 });
    const phone = await page.evaluate(() => {
      const empty = document.querySelector("#gallery .empty")!;
      return {
        height: empty.getBoundingClientRect().height,
        lineHeight: Number.parseFloat(getComputedStyle(empty).lineHeight),
      };
    });
    expect(phone.height).toBeGreaterThan(3 * phone.lineHeight);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await shoot(page, "playground-empty-390");

    // Once there are results, the cards sit at the top and the gallery is as tall as they are.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByLabel("Prompt", { exact: true }).fill("a paper boat on a pond");
    await page.getByRole("button", { name: "Run" }).click();
    await loadedImages(page, 1);
    const gallery = (await page.locator("#gallery").boundingBox())!;
    const card = (await page.locator("#gallery .card").boundingBox())!;
    expect(Math.abs(card.y - gallery.y)).toBeLessThan(1);
    expect(Math.abs(card.height - gallery.height)).toBeLessThan(1);
  });

  it("generates from the whole form and shows every image at the resolution it states", async () => {
    const page = await openPlayground();

    await page.getByLabel("Prompt", { exact: true }).fill("A lighthouse on a cliff at dusk, warm light");
    await page.getByLabel("Aspect ratio", { exact: true }).selectOption("ASPECT_16_9");
    await page.getByLabel("Model", { exact: true }).selectOption("V_2");
    await page.getByLabel("Style", { exact: true }).selectOption("DESIGN");
    await page.getByLabel("Magic prompt", { exact: true }).selectOption("OFF");
    await page.getByLabel("Negative prompt", { exact: true }).fill("blurry");
    await page.getByLabel("Seed", { exact: true }).fill("1234");
    await page.getByLabel("Number of images", { exact: true }).fill("2");
    await page.getByRole("radio", { name: "Preset" }).check();
    await page.getByRole("combobox", { name: "Preset" }).selectOption("PASTEL");
    await page.getByRole("button", { name: "Run" }).click();

    const images = await loadedImages(page, 2);
    for (const image of images) {
      const { width, height } = shownSize(image);
      expect([image.naturalWidth, image.naturalHeight]).toEqual([width, height]);
      expect(width / height).toBeCloseTo(16 / 9, 1);
      expect(image.seed).toBe("1234");
      expect(image.download).toBe(image.src);
      // The worker's image proxy serves them, on the page's own origin.
      if (local) expect(image.src.startsWith(`${origin}/ideogram/images/`)).toBe(true);
    }
    await expect
      .poll(() => page.locator("#status").textContent())
      .toMatch(/^Generate \(legacy\): 2 results in/);
    await expect.poll(() => page.getAttribute("#generate", "aria-busy")).toBe("false");
    if (local) {
      expect(await generateBodies()).toEqual([
        {
          image_request: {
            prompt: "A lighthouse on a cliff at dusk, warm light",
            aspect_ratio: "ASPECT_16_9",
            model: "V_2",
            style_type: "DESIGN",
            magic_prompt_option: "OFF",
            negative_prompt: "blurry",
            seed: 1234,
            num_images: 2,
            color_palette: { name: "PASTEL" },
          },
        },
      ]);
    }
    await shoot(page, "playground");
  });

  it("shows core's errors next to their fields before sending anything, and clears them as they are fixed", async () => {
    const page = await openPlayground();
    await page.getByLabel("Prompt", { exact: true }).fill("a red kite");
    await page.getByLabel("Aspect ratio", { exact: true }).selectOption("ASPECT_16_9");
    await page.getByLabel("Resolution", { exact: true }).selectOption("RESOLUTION_1024_1024");
    await page.getByLabel("Seed", { exact: true }).fill("3000000000");
    await page.getByRole("radio", { name: "Custom" }).check();
    await page.getByLabel("Colour 2 hex", { exact: true }).fill("#12");
    await page.getByRole("button", { name: "Run" }).click();

    await expect.poll(() => page.locator("#resolution-error").textContent()).toContain("Aspect ratio");
    expect(await page.locator("#seed-error").textContent()).toContain("2147483647");
    expect(await page.locator("#palette-1-error").textContent()).toMatch(/^Colour must be/);
    for (const id of ["resolution", "seed", "palette-1-hex"]) {
      expect(await page.getAttribute(`#${id}`, "aria-invalid")).toBe("true");
    }
    expect(await page.getAttribute("#aspect_ratio", "aria-invalid")).toBeNull();
    // The first invalid control in the page: the seed sits before the resolution in the generated form.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("seed");
    expect(await page.locator("#banner").isHidden()).toBe(true);

    await page.getByLabel("Seed", { exact: true }).fill("");
    await expect.poll(() => page.locator("#seed-error").textContent()).toBe("");
    expect(await page.getAttribute("#seed", "aria-invalid")).toBeNull();
    expect(await page.locator("#resolution-error").textContent()).toContain("Aspect ratio");
    expect(await page.locator(".gallery img").count()).toBe(0);
    expect(await generateBodies()).toEqual([]);
  });

  it("can be used with the keyboard alone, with a visible focus ring", async () => {
    const page = await openPlayground();
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? "");
    for (let presses = 0; presses < 5 && (await focusedId()) !== "prompt"; presses++)
      await page.keyboard.press("Tab");
    expect(await focusedId()).toBe("prompt");
    await page.keyboard.type("a paper boat on a pond");
    await page.keyboard.press("Control+Enter");
    const [first] = await loadedImages(page, 1);

    for (let presses = 0; presses < 40 && (await focusedId()) !== "generate"; presses++)
      await page.keyboard.press("Tab");
    expect(await focusedId()).toBe("generate");
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(ring).not.toBe("none");
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      (previous) => document.querySelector<HTMLImageElement>(".gallery img")?.src !== previous,
      first!.src,
    );
    const [second] = await loadedImages(page, 1);
    expect(second!.naturalWidth).toBe(shownSize(second!).width);
  });

  it("rejected prompts show the service's status and message in the banner", async () => {
    const page = await openPlayground();
    await page.getByLabel("Prompt", { exact: true }).fill("an nsfw picture");
    await page.getByRole("button", { name: "Run" }).click();
    const banner = page.getByRole("alert");
    await expect.poll(() => banner.textContent()).toContain("Error 422");
    expect(await banner.textContent()).toContain("safety");
    expect(await page.locator(".field-error:not(:empty)").count()).toBe(0);
    expect(await page.getAttribute("#generate", "aria-busy")).toBe("false");
  });

  it.skipIf(!local)("shows a cancellable busy state while the worker works", async () => {
    const page = await openPlayground();
    await upstream!.nextFaults(1, "hang");
    await page.getByLabel("Prompt", { exact: true }).fill("a slow sunrise");
    await page.getByLabel("Number of images", { exact: true }).fill("3");
    await page.getByRole("button", { name: "Run" }).click();

    await expect.poll(() => page.getAttribute("#generate", "aria-busy")).toBe("true");
    expect(await page.locator("#generate").isDisabled()).toBe(true);
    expect(await page.getAttribute("#gallery", "aria-busy")).toBe("true");
    expect(await page.locator("#generate-label").textContent()).toMatch(/^Running… \d+ s$/);
    expect(await page.locator(".gallery .placeholder").count()).toBe(3);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("cancel");

    await page.keyboard.press("Escape");
    await expect.poll(() => page.getAttribute("#generate", "aria-busy")).toBe("false");
    expect(await page.locator("#generate").isDisabled()).toBe(false);
    expect(await page.locator("#cancel").isHidden()).toBe(true);
    expect(await page.locator("#status").textContent()).toBe("Cancelled.");
    expect(await page.locator("#banner").isHidden()).toBe(true);
    expect(await page.locator(".gallery .placeholder").count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("generate");
    // The worker passes the cancellation on: the emulator logs the hung call once it is dropped.
    await expect
      .poll(async () => (await upstream!.requests()).map((request) => request.fault))
      .toEqual(["hang"]);
  });

  it("copies the request as curl for this origin and as code, never with the token", async () => {
    const page = await openPlayground();
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin });
    const prompt = `a sign that says "it's open" at $5`;
    const token = "tok-e2e-do-not-leak";
    await page.getByLabel("Prompt", { exact: true }).fill(prompt);
    await page.getByText("Access token").click();
    await page.getByLabel(/^Client token/).fill(token);
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

    await page.getByRole("button", { name: "Copy as curl" }).click();
    await expect.poll(() => page.locator("#copy-status").textContent()).toBe("Copied curl command.");
    const curl = await clipboard();
    expect(curl).toContain(`'${origin}/ideogram/generate'`);
    expect(curl).toContain('"Authorization: Bearer $IDEOKIT_TOKEN"');
    expect(curl).not.toContain(token);
    expect(await page.locator("#snippet").textContent()).toBe(curl);
    const clientToken = inject("clientToken");
    if (clientToken !== undefined) {
      // The copied command as a shell runs it, with a token the worker accepts in the environment.
      const { stdout } = await promisify(execFile)(
        "sh",
        ["-c", `${curl} --silent --show-error --fail --max-time 10`],
        {
          env: { PATH: process.env.PATH ?? "/usr/bin:/bin", IDEOKIT_TOKEN: clientToken },
          encoding: "utf8",
        },
      );
      expect(JSON.parse(stdout).data).toHaveLength(1);
      expect(await generateBodies()).toEqual([{ image_request: { prompt } }]);
    }

    await page.getByRole("button", { name: "Copy as code" }).click();
    const browserCode = await clipboard();
    expect(browserCode).toMatch(/^import \{ Ideogram \} from "@ideokit\/browser";/);
    expect(browserCode).toContain(`baseURL: "${origin}/ideogram", token: IDEOKIT_TOKEN`);
    expect(browserCode).toContain(JSON.stringify(prompt));
    await page.getByRole("radio", { name: "@ideokit/node" }).check();
    await page.getByRole("button", { name: "Copy as code" }).click();
    const nodeCode = await clipboard();
    expect(nodeCode).toMatch(/^import \{ Ideogram \} from "@ideokit\/node";/);
    expect(nodeCode).toContain("const token = process.env.IDEOKIT_TOKEN;");
    expect(nodeCode).toContain("apiKey: token");
    expect(`${browserCode}${nodeCode}`).not.toContain(token);
  });

  it("fits a phone screen without horizontal scrolling, in dark mode too", async () => {
    const page = await openPlayground({
      viewport: { width: 390, height: 844 },
      colorScheme: "dark",
      isMobile: true,
    });
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.getByLabel("Prompt", { exact: true }).fill("a very long prompt ".repeat(20));
    await page.getByLabel("Seed", { exact: true }).fill("-1");
    await page.getByRole("button", { name: "Run" }).click();
    await expect.poll(() => page.locator("#seed-error").textContent()).not.toBe("");
    expect(await hasHorizontalScroll(page)).toBe(false);

    await page.getByLabel("Seed", { exact: true }).fill("");
    await page.getByLabel("Aspect ratio", { exact: true }).selectOption("ASPECT_3_1");
    await page.getByLabel("Number of images", { exact: true }).fill("2");
    await page.getByRole("radio", { name: "Custom" }).check();
    await page.getByRole("button", { name: "Run" }).click();
    const images = await loadedImages(page, 2);
    for (const image of images) expect(image.naturalWidth).toBe(shownSize(image).width);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await shoot(page, "playground-phone");
  });
});

/** A PNG of `width` × `height` drawn by the browser, to upload through a file input. */
async function pngOf(page: Page, width: number, height: number): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ([w, h]) => {
      const canvas = new OffscreenCanvas(w as number, h as number);
      const context = canvas.getContext("2d")!;
      context.fillStyle = "#3a7";
      context.fillRect(0, 0, canvas.width, canvas.height);
      const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: "image/png" })).arrayBuffer());
      let binary = "";
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
    },
    [width, height],
  );
  return Buffer.from(base64, "base64");
}

type SentFiles = Record<string, { type: string; size: number; width: number; height: number; dark: number }>;

/**
 * Runs in the page before its scripts: wraps fetch to record, for every multipart call, each file
 * part's type, byte size and decoded pixel size in `window.sentFiles`.
 */
function recordSentFiles(): void {
  const sentFiles: SentFiles[] = [];
  (window as unknown as { sentFiles: SentFiles[] }).sentFiles = sentFiles;
  const original = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const request = new Request(input, init);
    if (request.headers.get("content-type")?.startsWith("multipart/form-data")) {
      const files: SentFiles = {};
      for (const [name, part] of await request.clone().formData()) {
        if (typeof part === "string") continue;
        const bitmap = await createImageBitmap(part);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext("2d")!;
        context.drawImage(bitmap, 0, 0);
        const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
        let dark = 0;
        for (let index = 0; index < pixels.length; index += 4) if ((pixels[index] as number) < 128) dark++;
        files[name] = { type: part.type, size: part.size, width: bitmap.width, height: bitmap.height, dark };
        bitmap.close();
      }
      sentFiles.push(files);
    }
    return original(request);
  };
}

describe.each([
  { width: 1280, height: 900, suffix: "" },
  { width: 390, height: 844, suffix: "-phone" },
])("image operations at $width px", ({ width, height, suffix }) => {
  const viewport = { viewport: { width, height }, ...(width < 600 ? { isMobile: true } : {}) };

  it("edits an uploaded image with a mask painted on it", async () => {
    const page = await openPlayground(viewport);
    await page.addInitScript(recordSentFiles);
    await page.reload();
    await page.locator("#operation").selectOption("edit");
    await page.locator("#image_file-input").setInputFiles({
      name: "green.png",
      mimeType: "image/png",
      buffer: await pngOf(page, 640, 480),
    });
    const canvas = page.locator("canvas.paint");
    await expect
      .poll(() => canvas.evaluate((c: HTMLCanvasElement) => [c.width, c.height]))
      .toEqual([640, 480]);
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.4);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => page.getAttribute("#mask", "data-mask")).toBe("saved");
    await page.getByLabel("Prompt", { exact: true }).fill("a red balloon in the sky");

    await page.getByRole("button", { name: "Run" }).click();
    const [result] = await loadedImages(page, 1);
    // The files as the page sent them: decoded in the browser, which reads the multipart body.
    const [sent] = await page.evaluate(() => (window as unknown as { sentFiles: SentFiles[] }).sentFiles);
    expect(sent!.mask).toMatchObject({ type: "image/png", width: 640, height: 480 });
    // The stroke is black in the mask, the rest white.
    expect(sent!.mask!.dark).toBeGreaterThan(1000);
    expect(sent!.mask!.dark).toBeLessThan(640 * 480 * 0.5);
    expect(sent!.image_file).toMatchObject({ type: "image/png", width: 640, height: 480 });
    expect(result!.naturalWidth).toBeGreaterThan(0);
    if (local) {
      const edits = (await upstream!.requests()).filter((logged) => logged.path.endsWith("/edit"));
      expect(edits).toHaveLength(1);
      const body = edits[0]!.body as Record<string, { type: string; size: number }>;
      expect(body.mask).toMatchObject({ type: "image/png", size: sent!.mask!.size });
      expect(body.image_file).toMatchObject({ type: "image/png", size: sent!.image_file!.size });
    }
    await shoot(page, `playground-edit${suffix}`);
  });

  it("upscales a generated result through 'Use this result in…'", async () => {
    const page = await openPlayground(viewport);
    await page.getByLabel("Prompt", { exact: true }).fill("a small cottage in the woods");
    await page.getByRole("button", { name: "Run" }).click();
    const [generated] = await loadedImages(page, 1);
    await page.getByRole("combobox", { name: "Use this result in" }).selectOption("upscale");
    await expect.poll(() => page.locator("#operation").inputValue()).toBe("upscale");
    await expect.poll(() => page.locator("#status").textContent()).toContain("Upscale (legacy)");
    await page.getByRole("button", { name: "Run" }).click();
    await page.waitForFunction((previous) => {
      const image = document.querySelector<HTMLImageElement>(".gallery img");
      return image !== null && image.src !== previous && image.complete && image.naturalWidth > 0;
    }, generated!.src);
    const [upscaled] = await loadedImages(page, 1);
    expect(upscaled!.naturalWidth).toBeGreaterThan(generated!.naturalWidth);
    expect(upscaled!.naturalHeight).toBeGreaterThan(generated!.naturalHeight);
    if (local) {
      const upscales = (await upstream!.requests()).filter((logged) => logged.path.endsWith("/upscale"));
      expect(upscales).toHaveLength(1);
    }
    await shoot(page, `playground-upscale${suffix}`);
  });

  it("describes an uploaded image and shows the text", async () => {
    const page = await openPlayground(viewport);
    await page.locator("#operation").selectOption("describe");
    await page.locator("#image_file-input").setInputFiles({
      name: "green.png",
      mimeType: "image/png",
      buffer: await pngOf(page, 300, 200),
    });
    await page.getByRole("button", { name: "Run" }).click();
    const description = page.locator(".gallery .description").first();
    await expect.poll(() => description.textContent(), { timeout: 20_000 }).toMatch(/\w{3,}/);
    await expect
      .poll(() => page.locator("#status").textContent())
      .toMatch(/^Describe \(legacy\): \d+ results? in/);
    if (local) {
      const describes = (await upstream!.requests()).filter((logged) => logged.path.endsWith("/describe"));
      expect(describes).toHaveLength(1);
    }
    // The snippet tabs sit on one line at every width.
    const tops = await page.$$eval(".snippets .segmented label", (labels) =>
      labels.map((label) => Math.round(label.getBoundingClientRect().top)),
    );
    expect(new Set(tops).size).toBe(1);
    await shoot(page, `playground-describe${suffix}`);
  });
});
