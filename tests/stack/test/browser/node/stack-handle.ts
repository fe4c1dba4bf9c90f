import type { Stack } from "../../../src/stack.ts";

// globalSetup and the config's browser commands run in the same Node process but load this module
// separately; a registered symbol on globalThis is the one slot both see.
const SLOT = Symbol.for("@ideokit/stack-tests:browser-stack");

type Slot = { [SLOT]?: Stack };

/** Makes the stack started by globalSetup reachable from the browser commands. */
export function publishStack(stack: Stack | undefined): void {
  (globalThis as Slot)[SLOT] = stack;
}

/** The stack globalSetup published; throws when it has not started. */
export function publishedStack(): Stack {
  const stack = (globalThis as Slot)[SLOT];
  if (stack === undefined) throw new Error("the stack is not running: is global-setup.ts in globalSetup?");
  return stack;
}
