import { readdirSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createEmulator } from "../src/index.ts";
import { generateOk } from "./support/requests.ts";

const NODE_ONLY_FILES = new Set(["node.ts", "chromium.ts", "spec.ts", "vitest.ts", "cli.ts", "bin.ts"]);

function sourceFiles(directory: URL): { name: string; text: string }[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(new URL(`${entry.name}/`, directory))
      : [{ name: entry.name, text: readFileSync(new URL(entry.name, directory), "utf8") }],
  );
}

describe("the app stays runtime-neutral (workerd, browsers)", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("imports no node: module and uses no Node global outside the Node entries", () => {
    const files = sourceFiles(new URL("../src/", import.meta.url)).filter(
      (file) => !NODE_ONLY_FILES.has(file.name),
    );
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      expect(file.text, file.name).not.toMatch(/from "node:|\bBuffer\b|\bprocess\./);
    }
  });

  it("creates an emulator without random values or timers, which workerd forbids at global scope", async () => {
    const forbidden = () => {
      throw new Error("not allowed at global scope");
    };
    const spies = [
      vi.spyOn(crypto, "getRandomValues").mockImplementation(forbidden),
      vi.spyOn(crypto, "randomUUID").mockImplementation(forbidden),
      vi.spyOn(crypto.subtle, "importKey").mockImplementation(forbidden),
      vi.spyOn(Math, "random").mockImplementation(forbidden),
      vi.spyOn(globalThis, "setTimeout").mockImplementation(forbidden),
    ];
    const emulator = createEmulator({ faults: { rate: 0.5 }, rateLimit: { requests: 5, perMs: 1000 } });
    for (const spy of spies) spy.mockRestore();
    expect((await generateOk(emulator, { prompt: "first request" })).data).toHaveLength(1);
  });
});
