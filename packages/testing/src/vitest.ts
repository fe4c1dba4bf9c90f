import { afterAll, afterEach, beforeAll } from "vitest";
import { type RunningEmulator, type StartEmulatorOptions, startEmulator } from "./node.ts";

/**
 * One emulator for the vitest file that calls it (at its top level): started before the file's
 * first test, its request log and faults cleared after each test, closed after the last. Returns a
 * getter, since the emulator only exists once the file's tests run.
 */
export function useEmulator(options: StartEmulatorOptions = {}): () => RunningEmulator {
  let emulator: RunningEmulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator(options);
  });
  afterEach(() => emulator?.clear());
  afterAll(() => emulator?.close());
  return () => {
    if (emulator === undefined)
      throw new Error(
        "useEmulator(): the emulator starts in beforeAll; call the getter inside a test or hook.",
      );
    return emulator;
  };
}
