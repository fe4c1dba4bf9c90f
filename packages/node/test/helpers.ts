import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningEmulator, type StartEmulatorOptions, startEmulator } from "@ideokit/testing/node";
import { afterAll, afterEach, beforeAll, onTestFinished } from "vitest";
import { type ClientOptions, Ideogram } from "../src/index.ts";

/** The key every test emulator accepts. */
export const API_KEY = "sk-test-0123456789abcdef";

/** Starts one emulator for the file, clears its log and faults after each test, stops it at the end. */
export function useEmulator(options: StartEmulatorOptions = {}): () => RunningEmulator {
  let emulator: RunningEmulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({ apiKey: API_KEY, ...options });
  });
  afterEach(() => emulator?.clear());
  afterAll(() => emulator?.close());
  return () => emulator!;
}

/** A client for the emulator that ignores this machine's IDEOGRAM_* variables; closed when the test ends. */
export function clientFor(emulator: RunningEmulator, options: ClientOptions = {}): Ideogram {
  const client = new Ideogram({ apiKey: API_KEY, baseURL: emulator.url, env: {}, ...options });
  onTestFinished(() => client.close());
  return client;
}

/** A fresh temporary directory, removed when the test ends. */
export async function temporaryDirectory(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "ideokit-node-"));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}
