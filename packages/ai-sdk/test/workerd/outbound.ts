// Shared by vitest.workerd.config.ts (Node, where the emulator behind workerd's outbound fetch runs)
// and the tests inside workerd.

/** Where workerd's global fetch reaches the emulator running in Node. */
export const OUTBOUND_BASE_URL = "http://ideogram.test";
/** The key that emulator accepts. */
export const OUTBOUND_KEY = "sk-workerd-outbound-8d3f";
