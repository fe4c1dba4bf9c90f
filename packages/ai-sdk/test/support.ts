import { type RunningEmulator, type StartEmulatorOptions, startEmulator } from "@ideokit/testing/node";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createIdeogram, type IdeogramProviderSettings } from "../src/index.ts";

/** The key every test emulator accepts. */
export const API_KEY = "sk-ai-sdk-test-5f1e9c";

/** One emulator per file: log and faults cleared after each test, stopped at the end. */
export function useEmulator(options: StartEmulatorOptions = {}): () => RunningEmulator {
  let emulator: RunningEmulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({ apiKey: API_KEY, ...options });
  });
  afterEach(() => emulator?.clear());
  afterAll(() => emulator?.close());
  return () => emulator!;
}

/** A provider pointed at `emulator`, with explicit settings so this machine's IDEOGRAM_* variables never matter. */
export function providerFor(emulator: { url: string }, settings: IdeogramProviderSettings = {}) {
  return createIdeogram({ apiKey: API_KEY, baseURL: emulator.url, ...settings });
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
