import type { RunningEmulator } from "@ideokit/testing/node";

/** The emulators the browser tests talk to: a plain one, one that rate-limits every key, one over HTTP/2. */
export interface TestEmulators {
  main: RunningEmulator;
  rateLimited: RunningEmulator;
  http2: RunningEmulator;
}

/** Which of the {@link TestEmulators} a command acts on. */
export type EmulatorName = keyof TestEmulators;

// globalSetup and the config's browser commands run in the same Node process but load this module
// separately; a registered symbol on globalThis is the one slot both see.
const SLOT = Symbol.for("@ideokit/browser:test-emulators");

type Slot = { [SLOT]?: TestEmulators };

/** Makes the emulators started by globalSetup reachable from the browser commands. */
export function publishEmulators(emulators: TestEmulators | undefined): void {
  (globalThis as Slot)[SLOT] = emulators;
}

/** One of the emulators globalSetup published; throws when they have not started. */
export function publishedEmulator(name: EmulatorName): RunningEmulator {
  const emulators = (globalThis as Slot)[SLOT];
  if (emulators === undefined)
    throw new Error("the emulators are not running: is test/node/global-setup.ts in globalSetup?");
  return emulators[name];
}
