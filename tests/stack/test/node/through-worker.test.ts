import { Ideogram } from "@ideokit/node";
import { afterAll, beforeAll } from "vitest";
import {
  DOWNLOAD_CASES,
  MATRIX_WORKER_TIMEOUT_MS,
  PATIENT_WORKER_TIMEOUT_MS,
  WORKER_GENERATE_CASES,
} from "../../src/fault-matrix.ts";
import { type Stack, startStack } from "../../src/stack.ts";
import { recordUnhandledRejections } from "./support/leaks.ts";
import { describeMatrix } from "./support/matrix-tests.ts";
import type { Target } from "./support/run-case.ts";

const unhandled = recordUnhandledRejections();
let stack: Stack;
let target: Target;

beforeAll(async () => {
  stack = await startStack({
    upstreamTimeoutMs: MATRIX_WORKER_TIMEOUT_MS,
    patientTimeoutMs: PATIENT_WORKER_TIMEOUT_MS,
  });
  target = {
    baseURL: `${stack.worker.url}/ideogram`,
    patientBaseURL: `${stack.patientWorker?.url}/ideogram`,
    apiKey: undefined,
    emulator: stack.emulator,
    unhandled,
    upstreamPoolsConnections: true,
  };
  // One clean call through each worker first, so their own connections to the emulator are part of
  // every baseline.
  for (const baseURL of [target.baseURL, target.patientBaseURL]) {
    const client = new Ideogram({ baseURL, auth: "none", env: {} });
    await client.generate({ prompt: "warm-up" });
    await client.close();
  }
});
afterAll(() => stack.close());

describeMatrix("node → worker → emulator", () => target, {
  generate: WORKER_GENERATE_CASES,
  download: DOWNLOAD_CASES,
});
