import type { FaultKind, LoggedRequest } from "@ideokit/testing";

declare module "vitest" {
  export interface ProvidedContext {
    emulatorURL: string;
    rateLimitedURL: string;
    noCorsURL: string;
    http2URL: string;
  }
}

declare module "vitest/browser" {
  interface BrowserCommands {
    /** Requests an emulator received since the last clear, preflights left out. */
    emulatorRequests: (name?: "main" | "rateLimited" | "http2") => Promise<LoggedRequest[]>;
    /** What the official OpenAPI spec finds wrong in the requests the main emulator received (`[]` when all validate). */
    specProblemsOfRequests: () => Promise<string[]>;
    /** Forgets logged requests, queued faults and rate-limit history of both emulators. */
    clearEmulators: () => Promise<void>;
    /** Makes the main emulator's next `count` generate (or image) requests fail with `kind`. */
    queueFaults: (count: number, kind: FaultKind, on?: "generate" | "images") => Promise<void>;
    /** Resolves once the main emulator has logged `count` requests. */
    waitForRequests: (count: number) => Promise<void>;
    /** A loopback URL where nothing listens. */
    unusedPortURL: () => Promise<string>;
    /** Sends the page's own `/ideogram/*` requests to the main emulator, as an edge worker on this origin would answer them. */
    routeSameOriginToEmulator: () => Promise<void>;
    /** Undoes {@link routeSameOriginToEmulator}. */
    unrouteSameOrigin: () => Promise<void>;
  }
}
