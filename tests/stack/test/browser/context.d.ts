import type { FaultKind, FaultTarget } from "@ideokit/testing";

declare module "vitest" {
  export interface ProvidedContext {
    /** The edge worker's origin, e.g. "http://127.0.0.1:41234". */
    workerURL: string;
    /** The second worker's origin, whose upstream timeout outlasts the client's. */
    patientWorkerURL: string;
  }
}

declare module "vitest/browser" {
  interface BrowserCommands {
    /** How many requests the emulator received on a route ("/generate" or "/images/") since it was cleared, preflights left out. */
    upstreamRequestCount: (route: string) => Promise<number>;
    /** Makes the emulator's next `count` requests on `on` fail with `kind`. */
    queueFaults: (count: number, kind: FaultKind, on: FaultTarget) => Promise<void>;
    /** Forgets the emulator's request log and queued faults. */
    clearEmulator: () => Promise<void>;
  }
}
