import { type RunningEmulator, startEmulator } from "@ideokit/testing/node";
import { afterAll, beforeAll } from "vitest";
import { DIRECT_GENERATE_CASES, DOWNLOAD_CASES } from "../../src/fault-matrix.ts";
import { recordUnhandledRejections } from "./support/leaks.ts";
import { describeMatrix } from "./support/matrix-tests.ts";
import type { Target } from "./support/run-case.ts";

const unhandled = recordUnhandledRejections();
let emulator: RunningEmulator;
let target: Target;

beforeAll(async () => {
  emulator = await startEmulator();
  target = {
    baseURL: emulator.url,
    apiKey: emulator.apiKey,
    emulator,
    unhandled,
    upstreamPoolsConnections: false,
  };
});
afterAll(() => emulator.close());

describeMatrix("node → emulator", () => target, {
  generate: DIRECT_GENERATE_CASES,
  download: DOWNLOAD_CASES,
});
