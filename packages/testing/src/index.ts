export type { AuthMode } from "./auth.ts";
export { ConnectionResetError } from "./connection-reset.ts";
export type { DeepReadonly } from "./deep-readonly.ts";
export { createEmulator, type Emulator } from "./emulator.ts";
export { exposesSecret } from "./exposes-secret.ts";
export {
  DEFAULT_RANDOM_FAULT_KINDS,
  type FaultController,
  type FaultKind,
  type FaultOptions,
  type FaultStatus,
  type FaultTarget,
  parseFault,
} from "./faults.ts";
export { type Fixtures, fixtures } from "./fixtures.ts";
export { ASPECT_RATIO_SIZES, imageSize } from "./image-size.ts";
export { createManualClock, type ManualClock } from "./manual-clock.ts";
export { SAFETY_REJECTION_MESSAGE } from "./operation-handler.ts";
export { DEFAULT_API_KEY, DEFAULT_BLOCKED_WORDS, type EmulatorOptions } from "./options.ts";
export { PALETTE_PRESET_COLORS, type PalettePresetName } from "./palette.ts";
export { type PngInfo, readPngInfo } from "./png/png-info.ts";
export type { RateLimit } from "./rate-limiter.ts";
export type { LoggedRequest } from "./request-log.ts";
export { seededRandom } from "./seeded-random.ts";
