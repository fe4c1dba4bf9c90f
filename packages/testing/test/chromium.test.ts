import { afterEach, describe, expect, it, vi } from "vitest";
import { chromiumLaunchOptions } from "../src/chromium.ts";

afterEach(() => {
  vi.unstubAllEnvs();
});

// Any executable stands in for Chromium: the function only checks that the binary can be run.
const EXECUTABLE = process.execPath;

describe("chromiumLaunchOptions", () => {
  it("returns the given binary with the headless-in-a-container flags", () => {
    const options = chromiumLaunchOptions({ executablePath: EXECUTABLE });
    expect(options.executablePath).toBe(EXECUTABLE);
    expect(options.args).toEqual([
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ]);
  });

  it("takes the binary from CHROMIUM_PATH", () => {
    vi.stubEnv("CHROMIUM_PATH", EXECUTABLE);
    expect(chromiumLaunchOptions().executablePath).toBe(EXECUTABLE);
  });

  it("gives every caller its own args array", () => {
    const first = chromiumLaunchOptions({ executablePath: EXECUTABLE });
    first.args.push("--start-maximized");
    expect(chromiumLaunchOptions({ executablePath: EXECUTABLE }).args).not.toContain("--start-maximized");
  });

  it("says how to install Chromium when the binary is missing", () => {
    vi.stubEnv("CHROMIUM_PATH", "/nonexistent/chromium");
    expect(() => chromiumLaunchOptions()).toThrow(
      /Chromium is missing \(\/nonexistent\/chromium\)[\s\S]*apt-get update && apt-get install -y chromium[\s\S]*CHROMIUM_PATH/,
    );
  });

  it("refuses a file that cannot be executed", () => {
    expect(() => chromiumLaunchOptions({ executablePath: import.meta.filename })).toThrow(
      /Chromium is missing/,
    );
  });
});
