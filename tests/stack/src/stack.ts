import { type RunningEmulator, type StartEmulatorOptions, startEmulator } from "@ideokit/testing/node";
import { type RunningWorker, startWorker } from "./start-worker.ts";

/** The upstream key of every stack: distinctive, so a leak of it is easy to spot in any text. */
export const UPSTREAM_KEY = "upstream-key-7f3a9c1e5b";

/** The emulator, and the edge worker in front of it. */
export interface Stack {
  emulator: RunningEmulator;
  worker: RunningWorker;
  /** Stops the worker, then the emulator. */
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
}

/** Starts an emulator on loopback and the built edge worker (workerd) forwarding to it. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const emulator = await startEmulator({ ...options.emulator, apiKey: UPSTREAM_KEY });
  try {
    const worker = await startWorker({
      upstreamURL: emulator.url,
      apiKey: UPSTREAM_KEY,
      upstreamTimeoutMs: options.upstreamTimeoutMs,
      bindings: options.workerBindings,
    });
    return {
      emulator,
      worker,
      close: async () => {
        await worker.dispose();
        await emulator.close();
      },
    };
  } catch (error) {
    await emulator.close();
    throw error;
  }
}
