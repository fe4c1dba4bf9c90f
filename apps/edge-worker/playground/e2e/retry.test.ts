import { describe, expect, it } from "vitest";
import { local, playgroundSession, resultsShown, upstream } from "./support/session.ts";

// A 429 from upstream, relayed by the worker with its Retry-After: the page counts the wait down
// in the status line and the Run button, then retries by core's policy and shows the answer.

const { open } = playgroundSession();

/**
 * Runs in the page before its scripts: records every text the status line shows, in order, in
 * `window.statusTexts` (a MutationObserver sees each one, however briefly it is shown).
 */
function recordStatusTexts(): void {
  const texts: string[] = [];
  (window as unknown as { statusTexts: string[] }).statusTexts = texts;
  document.addEventListener("DOMContentLoaded", () => {
    const status = document.getElementById("status")!;
    new MutationObserver(() => {
      const text = status.textContent ?? "";
      if (texts.at(-1) !== text) texts.push(text);
    }).observe(status, { childList: true, characterData: true, subtree: true });
  });
}

describe("a rate-limited run", () => {
  it.skipIf(!local)("counts the Retry-After down, then retries and succeeds", async () => {
    const page = await open();
    await page.addInitScript(recordStatusTexts);
    await page.reload();
    await page.waitForFunction(() => document.querySelector("#operation option") !== null);
    // The emulator asks to wait 3 s: long enough to show more than one number.
    await upstream!.nextFaults(1, "429:3000");
    await page.getByLabel("Prompt", { exact: true }).fill("a queue of umbrellas in the rain");
    await page.getByRole("button", { name: "Run" }).click();

    // While it waits, the Run button says so too.
    await expect
      .poll(() => page.locator("#generate-label").textContent())
      .toMatch(/^Rate-limited, retrying in \d s$/);
    await resultsShown(page);
    await expect
      .poll(() => page.locator("#status").textContent())
      .toMatch(/^Generate \(legacy\): 1 result in [\d.]+ s\.$/);

    const texts = await page.evaluate(() => (window as unknown as { statusTexts: string[] }).statusTexts);
    const waiting = texts.flatMap((text) => {
      const seconds = /^Rate-limited, retrying in (\d+) s…$/.exec(text)?.[1];
      return seconds === undefined ? [] : [Number(seconds)];
    });
    // A whole number of seconds, no more than asked for, counting down: each shown number is
    // smaller than the one before (the next tick may land after a second has gone), then the run goes on.
    expect(waiting[0]).toBeGreaterThanOrEqual(1);
    expect(waiting[0]).toBeLessThanOrEqual(3);
    for (let index = 1; index < waiting.length; index++)
      expect(waiting[index]).toBeLessThan(waiting[index - 1] as number);
    const afterWait = texts.slice(texts.lastIndexOf(`Rate-limited, retrying in ${waiting.at(-1)} s…`) + 1);
    expect(afterWait).toEqual(["Running…", expect.stringMatching(/^Generate \(legacy\): 1 result in/)]);

    // The worker relayed the 429 (with its Retry-After) and the page's one retry got the answer.
    const calls = (await upstream!.requests()).filter((call) => call.operation === "generate");
    expect(calls.map(({ status, fault }) => ({ status, fault }))).toEqual([
      { status: 429, fault: "429:3000" },
      { status: 200, fault: undefined },
    ]);
  });
});
