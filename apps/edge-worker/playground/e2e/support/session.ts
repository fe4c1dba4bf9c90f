import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromiumLaunchOptions } from "@ideokit/testing/chromium";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from "vitest";
import { type UpstreamControl, upstreamControl } from "./upstream-control.ts";

// The page as the worker serves it: `wrangler dev` (playground/dist as static assets, the worker
// behind it) in front of an emulator, started by local-stack-setup.ts. PLAYGROUND_URL points the
// suite at a page served elsewhere instead; the tests that need the emulator's fault queue or
// request log then skip or skip those checks.
export const origin = inject("playgroundURL");
const controlURL = inject("upstreamControlURL");
export const upstream: UpstreamControl | undefined =
  controlURL === undefined ? undefined : upstreamControl(controlURL);
export const local = upstream !== undefined;
export const artifacts = join(import.meta.dirname, "..", "..", "..", "test-artifacts");

/**
 * One Chromium for the test file that calls this (at its top level): every test starts with an
 * empty request log and no fault left queued, and fails on a page error or a CSP violation.
 */
export function playgroundSession(): {
  open(options?: BrowserContextOptions, hash?: string): Promise<Page>;
} {
  let browser: Browser;
  const pageErrors: string[] = [];
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    browser = await chromium.launch(chromiumLaunchOptions());
    mkdirSync(artifacts, { recursive: true });
  });
  beforeEach(() => upstream?.clear());
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
    expect(pageErrors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  return {
    async open(options = {}, hash = "") {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        reducedMotion: "reduce",
        ...options,
      });
      closers.push(() => context.close());
      const page = await context.newPage();
      page.on("pageerror", (error) => pageErrors.push(error.message));
      page.on("console", (message) => {
        if (message.text().includes("Content Security Policy")) pageErrors.push(message.text());
      });
      await page.goto(`${origin}/${hash}`);
      // The form may render after the page's script loads: wait for the operation it shows.
      await page.waitForFunction(() => document.querySelector("#operation option") !== null);
      // The generated form folds the less used fields away; the tests set them.
      await page.evaluate(() => {
        (document.getElementById("more") as HTMLDetailsElement).open = true;
      });
      return page;
    },
  };
}

/** A full-page screenshot in test-artifacts/`name`.png, once every image on the page is decoded. */
export async function shoot(page: Page, name: string): Promise<void> {
  // The results decode asynchronously (decoding="async"): a capture taken before Chromium has
  // decoded one for painting shows its frame empty, though the image has loaded.
  await page.evaluate(() =>
    Promise.all([...document.images].map((image) => image.decode().catch(() => undefined))),
  );
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

/** Waits until the gallery shows at least one image result and every one of them is decoded and shown. */
export async function resultsShown(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const images = [...document.querySelectorAll<HTMLImageElement>("#gallery img")];
    return (
      images.length > 0 &&
      images.every(
        (image) => image.complete && image.naturalWidth > 0 && image.closest(".frame.loaded") !== null,
      )
    );
  });
  // Loaded is not yet painted: Chromium decodes a result (decoding="async") before it draws it.
  await page.evaluate(() =>
    Promise.all(
      [...document.querySelectorAll<HTMLImageElement>("#gallery img")].map((image) => image.decode()),
    ),
  );
}
