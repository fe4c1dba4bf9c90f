import type { StartEmulatorOptions } from "@ideokit/testing/node";
import { useEmulator as useSharedEmulator } from "@ideokit/testing/vitest";
import { createIdeogram, type IdeogramProviderSettings } from "../src/index.ts";

/** The key every test emulator accepts. */
export const API_KEY = "sk-ai-sdk-test-5f1e9c";

/** One emulator per file (`@ideokit/testing/vitest`'s useEmulator) accepting {@link API_KEY}. */
export const useEmulator = (options: StartEmulatorOptions = {}) =>
  useSharedEmulator({ apiKey: API_KEY, ...options });

/** A provider pointed at `emulator`, with explicit settings so this machine's IDEOGRAM_* variables never matter. */
export function providerFor(emulator: { url: string }, settings: IdeogramProviderSettings = {}) {
  return createIdeogram({ apiKey: API_KEY, baseURL: emulator.url, ...settings });
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
