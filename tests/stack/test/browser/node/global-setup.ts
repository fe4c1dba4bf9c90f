import type { TestProject } from "vitest/node";
import { MATRIX_WORKER_TIMEOUT_MS, PATIENT_WORKER_TIMEOUT_MS } from "../../../src/fault-matrix.ts";
import { startStack } from "../../../src/stack.ts";
import { publishStack } from "./stack-handle.ts";

/** Starts the emulator and the worker (workerd) for the browser project; URLs reach the page through `provide`. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stack = await startStack({
    upstreamTimeoutMs: MATRIX_WORKER_TIMEOUT_MS,
    patientTimeoutMs: PATIENT_WORKER_TIMEOUT_MS,
    emulator: { logLimit: 200 },
  });
  publishStack(stack);
  project.provide("workerURL", stack.worker.url);
  project.provide("patientWorkerURL", stack.patientWorker?.url ?? "");
  return async () => {
    publishStack(undefined);
    await stack.close();
  };
}
