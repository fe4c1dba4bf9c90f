// The worker under `wrangler dev` on loopback, offline (no login, no --remote, no metrics, no cf
// fetch), in front of an @ideokit/testing emulator, as one unit that starts, reports ready and stops
// without leaving a process behind. `dev`, the playground e2e and the root `npm run demo` share it.
// Images are proxied through the worker: a signing secret per stack, and the emulator's 127.0.0.1
// host allowed (ALLOW_PRIVATE_IMAGE_HOSTS, a local-development setting).
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import { DEFAULT_API_KEY } from "@ideokit/testing";
import { type RunningEmulator, startEmulator } from "@ideokit/testing/node";
import { writeDevVars } from "./dev-vars.ts";

/** How to start the local stack; every field has a default that suits `dev`. */
export interface LocalStackOptions {
  /** The worker's port on 127.0.0.1; 0 picks a free one. Default 8787. */
  workerPort?: number;
  /** The emulator's port on 127.0.0.1; 0 picks a free one. Default 8788. */
  emulatorPort?: number;
  /** An upstream already running, e.g. "http://127.0.0.1:9000/ideogram"; then no emulator is started. */
  upstreamBaseURL?: string;
  /** The key of the upstream at `upstreamBaseURL`. Default the emulator's "test-key". */
  apiKey?: string;
  /** ALLOWED_ORIGINS of the worker. Default "*". */
  allowedOrigins?: string;
  /** CLIENT_TOKENS of the worker, accepted next to anonymous calls. Default none. */
  clientTokens?: string;
  /** IMAGE_SIGNING_SECRET of the image proxy. Default random per stack. */
  imageSigningSecret?: string;
  /** Where wrangler's output goes: the terminal ("inherit", default), or each line to a function. */
  output?: "inherit" | ((line: string) => void);
  /** Longest wait for the worker's GET /healthz to answer 200. Default 60 s. */
  readyTimeoutMs?: number;
}

/** A running worker (and emulator) on loopback. */
export interface LocalStack {
  /** The worker's origin, e.g. "http://127.0.0.1:8787": the playground at `/`, the API under `/ideogram`. */
  url: string;
  /** Where the worker sends generate calls. */
  upstreamBaseURL: string;
  /** The emulator this stack started (request log, fault queue); undefined with `upstreamBaseURL`. */
  emulator: RunningEmulator | undefined;
  /** Settles with wrangler's exit code (null after a signal) when it exits, on its own or by `stop`. */
  exited: Promise<number | null>;
  /** Stops wrangler and everything it started, then the emulator, and deletes the local state. Idempotent. */
  stop(): Promise<void>;
}

const PACKAGE_DIR = join(import.meta.dirname, "..");
// createRequire, not import.meta.resolve: vitest's module runner (the e2e globalSetup) lacks the latter.
const WRANGLER_BIN = join(
  dirname(createRequire(import.meta.url).resolve("wrangler/package.json")),
  "bin",
  "wrangler.js",
);
const HEALTH_POLL_MS = 250;
const STOP_GRACE_MS = 5_000;
const OUTPUT_KEPT_LINES = 30;

/**
 * Starts the emulator (unless `upstreamBaseURL` names an upstream) and `wrangler dev` in front of
 * it, and resolves once the worker answers GET /healthz. Wrangler runs in a process group of its
 * own with a fresh state directory (Cache API, KV), so `stop` reaches workerd too and no cached
 * answer outlives the emulator whose image URLs it holds.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const workerPort = await claimablePort(options.workerPort ?? 8787);
  const emulator =
    options.upstreamBaseURL === undefined
      ? await startEmulator({ port: options.emulatorPort ?? 8788 })
      : undefined;
  const upstreamBaseURL = options.upstreamBaseURL ?? `${emulator!.url}/ideogram`;
  const vars: Record<string, string> = {
    UPSTREAM_BASE_URL: upstreamBaseURL,
    IDEOGRAM_API_KEY: options.apiKey ?? DEFAULT_API_KEY,
    ALLOW_ANONYMOUS: "true",
    ALLOWED_ORIGINS: options.allowedOrigins ?? "*",
    IMAGE_SIGNING_SECRET: options.imageSigningSecret ?? randomUUID(),
    ALLOW_PRIVATE_IMAGE_HOSTS: "true",
    ...(options.clientTokens ? { CLIENT_TOKENS: options.clientTokens } : {}),
  };
  const stateDir = await mkdtemp(join(tmpdir(), "ideokit-wrangler-state-"));
  const varsFile = await writeDevVars(vars);
  const output = options.output ?? "inherit";
  const wrangler = spawn(
    process.execPath,
    [
      WRANGLER_BIN,
      "dev",
      "--ip",
      "127.0.0.1",
      "--port",
      String(workerPort),
      "--persist-to",
      stateDir,
      "--show-interactive-dev-session=false",
      "--env-file",
      varsFile,
    ],
    {
      cwd: PACKAGE_DIR,
      detached: true,
      stdio: output === "inherit" ? ["ignore", "inherit", "inherit"] : ["ignore", "pipe", "pipe"],
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
    },
  );
  const recentOutput = followOutput(wrangler, output);
  const exited = new Promise<number | null>((resolve) => {
    wrangler.once("exit", (code) => resolve(code));
    wrangler.once("error", () => resolve(null));
  });
  // A host that exits without calling stop (an uncaught error) must not leave wrangler behind.
  const killOnExit = () => signalGroup(wrangler, "SIGKILL");
  process.once("exit", killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      process.off("exit", killOnExit);
      await stopGroup(wrangler, exited);
      await emulator?.close();
      await rm(stateDir, { recursive: true, force: true });
      await rm(dirname(varsFile), { recursive: true, force: true });
    })();
    return stopping;
  };

  const url = `http://127.0.0.1:${workerPort}`;
  try {
    await waitUntilHealthy(url, exited, options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    await stop();
    const tail = recentOutput.length > 0 ? `\nwrangler's last lines:\n${recentOutput.join("\n")}` : "";
    throw new Error(`${(error as Error).message}${tail}`, { cause: error });
  }
  return { url, upstreamBaseURL, emulator, exited, stop };
}

/** `port` when it is free on 127.0.0.1 (a free one for 0); a clear error when something holds it. */
async function claimablePort(port: number): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`127.0.0.1:${port} is already in use (another dev server or demo?)`)
          : error,
      ),
    );
    server.listen(port, "127.0.0.1", resolve);
  });
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address !== null ? address.port : port;
}

/** Hands wrangler's piped lines to `output`, keeping the last few for an error message. */
function followOutput(child: ChildProcess, output: LocalStackOptions["output"]): string[] {
  const recent: string[] = [];
  if (typeof output !== "function") return recent;
  for (const stream of [child.stdout, child.stderr]) {
    if (stream === null) continue;
    createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on("line", (line) => {
      recent.push(line);
      if (recent.length > OUTPUT_KEPT_LINES) recent.shift();
      output(line);
    });
  }
  return recent;
}

/** Polls GET /healthz (wrangler announces readiness only in its logs) until 200, wrangler exits, or time runs out. */
async function waitUntilHealthy(url: string, exited: Promise<number | null>, timeoutMs: number) {
  let exitCode: number | null | undefined;
  exited.then((code) => {
    exitCode = code;
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`wrangler dev exited (code ${exitCode}) before it was ready`);
    const healthy = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(HEALTH_POLL_MS * 8) }).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    if (Date.now() > deadline) {
      throw new Error(`wrangler dev did not answer ${url}/healthz within ${Math.round(timeoutMs / 1000)} s`);
    }
    await sleep(HEALTH_POLL_MS);
  }
}

/**
 * SIGTERM to wrangler's whole process group (its launcher, its CLI and workerd), SIGKILL after a
 * grace period, then waits until no process of the group is left.
 */
async function stopGroup(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  signalGroup(child, "SIGTERM");
  const deadline = Date.now() + STOP_GRACE_MS;
  // Unreferenced: once wrangler is gone, the grace timer must not hold the host process open.
  await Promise.race([exited, sleep(STOP_GRACE_MS, undefined, { ref: false })]);
  // The launcher exits first; its CLI and workerd finish their own shutdown a moment later.
  while (groupAlive(child) && Date.now() < deadline) await sleep(50);
  if (groupAlive(child)) signalGroup(child, "SIGKILL");
  await exited;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

function groupAlive(child: ChildProcess): boolean {
  if (child.pid === undefined) return false;
  try {
    process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
}
