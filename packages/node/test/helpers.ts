import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StartEmulatorOptions } from "@ideokit/testing/node";
import { useEmulator as useSharedEmulator } from "@ideokit/testing/vitest";
import { onTestFinished, vi } from "vitest";
import { type ClientOptions, Ideogram } from "../src/index.ts";

/** The key every test emulator accepts. */
export const API_KEY = "sk-test-0123456789abcdef";

/** One emulator per file (`@ideokit/testing/vitest`'s useEmulator) accepting {@link API_KEY}. */
export const useEmulator = (options: StartEmulatorOptions = {}) =>
  useSharedEmulator({ apiKey: API_KEY, ...options });

/** A client for a server on `url` (an emulator) that ignores this machine's IDEOGRAM_* variables; closed when the test ends. */
export function clientFor(server: { url: string }, options: ClientOptions = {}): Ideogram {
  const client = new Ideogram({ apiKey: API_KEY, baseURL: server.url, env: {}, ...options });
  onTestFinished(() => client.close());
  return client;
}

/** A fresh temporary directory, removed when the test ends. */
export async function temporaryDirectory(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "ideokit-node-"));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Captures the client's IDEOGRAM_LOG=debug lines on stderr until the test ends; `next` resolves on a matching line. */
export function captureDebugLog(): { lines: string[]; next(pattern: RegExp): Promise<void> } {
  const lines: string[] = [];
  const waiting: { pattern: RegExp; resolve(): void }[] = [];
  const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    const line = String(chunk);
    lines.push(line);
    for (const waiter of waiting) if (waiter.pattern.test(line)) waiter.resolve();
    return true;
  });
  onTestFinished(() => spy.mockRestore());
  return { lines, next: (pattern) => new Promise((resolve) => waiting.push({ pattern, resolve })) };
}
