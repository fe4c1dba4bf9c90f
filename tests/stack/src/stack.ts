import { type RunningEmulator, type StartEmulatorOptions, startEmulator } from "@ideokit/testing/node";
import { type RunningWorker, startWorker } from "./start-worker.ts";

/** The upstream key of every stack: distinctive, so a leak of it is easy to spot in any text. */
export const UPSTREAM_KEY = "upstream-key-7f3a9c1e5b";

/** The emulator, and the edge worker in front of it. */
export interface Stack {
  emulator: RunningEmulator;
  worker: RunningWorker;
  /** A second worker in front of the same emulator, when {@link StackOptions.patientTimeoutMs} asked for one. */
  patientWorker?: RunningWorker;
  /** Stops the workers, then the emulator. */
  close(): Promise<void>;
}

/** Options of {@link startStack}. */
export interface StackOptions {
  /** The worker's UPSTREAM_TIMEOUT_MS. */
  upstreamTimeoutMs: number;
  /** Emulator options (the key is always {@link UPSTREAM_KEY}). */
  emulator?: StartEmulatorOptions;
  /** Extra worker variables. */
  workerBindings?: Record<string, string>;
  /** UPSTREAM_TIMEOUT_MS of a second worker to start (for races the client's own timeout must win). */
  patientTimeoutMs?: number;
}

/** Starts an emulator on loopback and the built edge worker (workerd) forwarding to it. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const emulator = await startEmulator({ ...options.emulator, apiKey: UPSTREAM_KEY });
  const workers: RunningWorker[] = [];
  const close = async () => {
    await Promise.all(workers.map((worker) => worker.dispose()));
    await emulator.close();
  };
  const start = async (upstreamTimeoutMs: number) => {
    const worker = await startWorker({
      upstreamURL: emulator.url,
      apiKey: UPSTREAM_KEY,
      upstreamTimeoutMs,
      bindings: options.workerBindings,
    });
    workers.push(worker);
    return worker;
  };
  try {
    const worker = await start(options.upstreamTimeoutMs);
    const patientWorker =
      options.patientTimeoutMs === undefined ? undefined : await start(options.patientTimeoutMs);
    return { emulator, worker, ...(patientWorker && { patientWorker }), close };
  } catch (error) {
    await close();
    throw error;
  }
}
