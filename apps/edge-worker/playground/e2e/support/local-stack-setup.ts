import { randomUUID } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startLocalStack } from "../../../scripts/local-stack.ts";
import { serveUpstreamControl } from "./upstream-control.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Origin of the page and the worker under test, e.g. "http://127.0.0.1:41234". */
    playgroundURL: string;
    /** The emulator's control server (see upstream-control.ts); undefined against PLAYGROUND_URL. */
    upstreamControlURL: string | undefined;
    /** A client token the worker accepts (CLIENT_TOKENS); undefined against PLAYGROUND_URL. */
    clientToken: string | undefined;
  }
}

const ARTIFACTS = join(import.meta.dirname, "..", "..", "..", "test-artifacts");
// Wrangler starts in a few seconds, but a loaded 2-core CI machine may need many more.
const READY_TIMEOUT_MS = 90_000;

/**
 * Starts the real local stack (`wrangler dev` serving the built playground/dist and the worker, in
 * front of an emulator) on free loopback ports, unless PLAYGROUND_URL names a page served elsewhere.
 * Wrangler's output goes to test-artifacts/wrangler-dev.log.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const remoteURL = process.env.PLAYGROUND_URL;
  if (remoteURL !== undefined) {
    project.provide("playgroundURL", new URL(remoteURL).origin);
    project.provide("upstreamControlURL", undefined);
    project.provide("clientToken", undefined);
    return undefined;
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const log = createWriteStream(join(ARTIFACTS, "wrangler-dev.log"));
  const clientToken = `e2e-${randomUUID()}`;
  const stack = await startLocalStack({
    workerPort: 0,
    emulatorPort: 0,
    clientTokens: `e2e:${clientToken}`,
    output: (line) => log.write(`${line}\n`),
    readyTimeoutMs: READY_TIMEOUT_MS,
  }).catch((error: unknown) => {
    log.end();
    throw error;
  });
  const exposing = processesShowing(clientToken);
  if (exposing.length > 0) {
    await stack.stop();
    log.end();
    throw new Error(`the client token is on the command line of process(es) ${exposing.join(", ")}`);
  }
  const control = await serveUpstreamControl(stack.emulator!).catch(async (error: unknown) => {
    await stack.stop();
    log.end();
    throw error;
  });
  project.provide("playgroundURL", stack.url);
  project.provide("upstreamControlURL", control.url);
  project.provide("clientToken", clientToken);
  return async () => {
    await control.close();
    await stack.stop();
    await new Promise((resolve) => log.end(resolve));
  };
}

/** Ids of the processes whose command line holds `secret` (Linux /proc; none where there is no /proc). */
function processesShowing(secret: string): string[] {
  if (!existsSync("/proc")) return [];
  return readdirSync("/proc").filter((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(secret);
    } catch {
      return false;
    }
  });
}
