import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type APIError,
  type GenerateResponse,
  Ideogram,
  IdeogramError,
  type RateLimitError,
  SaveImagesError,
} from "@ideokit/node";
import type { RunningEmulator } from "@ideokit/testing/node";
import { Agent } from "undici";
import { expect } from "vitest";
import { elapsedLimitMs, type FaultCase, MATRIX_CLIENT } from "../../../src/fault-matrix.ts";
import {
  activeResources,
  afterRejectionsSettle,
  expectBackToBaseline,
  expectClientSocketsClosed,
  watchClientSockets,
} from "./leaks.ts";

/** Where a Node client sends its calls, and the emulator behind it whose log counts attempts. */
export interface Target {
  /** The client's base URL: the emulator itself, or the worker's `/ideogram`. */
  baseURL: string;
  /** The patient worker's `/ideogram`, for cases marked `patientWorker`. */
  patientBaseURL?: string;
  /** The key the client sends (the emulator's); undefined calls the worker anonymously. */
  apiKey: string | undefined;
  emulator: RunningEmulator;
  /** The process's unhandled rejections since the last look. */
  unhandled: { take(): unknown[] };
  /**
   * Whether connections to the emulator outlive the client's: workerd pools its own, and those
   * server-side sockets are then left out of the process count (the client's are checked one by one).
   */
  upstreamPoolsConnections: boolean;
}

let seed = 1000;

/** A request no earlier call made, so no cache anywhere can answer it. */
export function freshRequest(label: string) {
  seed += 1;
  return { prompt: `fault matrix: ${label}`, seed, magic_prompt_option: "OFF" as const };
}

/** What one matrix call did: the error, how long it took, and the requests the emulator saw. */
export interface CaseOutcome {
  error: unknown;
  elapsedMs: number;
  attempts: number;
}

/**
 * Runs `call` (faults queued, request log cleared) with a fresh client on its own undici Agent, then checks what every matrix row
 * checks: the typed error, the attempts, the time bound, an Agent that closes (it waits for any
 * request still running) with no connection left, no unhandled rejection, every socket the client
 * opened closed, and the process's resources (timers, sockets…) back to what they were.
 */
async function runCase(
  target: Target,
  testCase: FaultCase,
  route: "/generate" | "/images/",
  call: (client: Ideogram) => Promise<unknown>,
): Promise<CaseOutcome> {
  const baseline = activeResources();
  const sockets = watchClientSockets();
  const agent = new Agent();
  const baseURL = testCase.patientWorker ? target.patientBaseURL : target.baseURL;
  if (baseURL === undefined) throw new Error(`${testCase.label}: this target has no patient worker`);
  const client = new Ideogram({
    baseURL,
    apiKey: target.apiKey,
    auth: target.apiKey === undefined ? "none" : "bearer",
    timeout: testCase.timeoutMs ?? MATRIX_CLIENT.timeoutMs,
    maxRetries: MATRIX_CLIENT.maxRetries,
    dispatcher: agent,
    env: {},
  });
  const started = performance.now();
  const error = await call(client).then(
    () => new Error("expected the call to fail, but it succeeded"),
    (caught: unknown) => caught,
  );
  const elapsedMs = performance.now() - started;
  const attempts = target.emulator.requests.filter((request) => request.path.includes(route)).length;

  expect(error).toBeInstanceOf(IdeogramError);
  expect((error as Error).name).toBe(testCase.error);
  if (testCase.status !== undefined) expect((error as APIError).status).toBe(testCase.status);
  if (testCase.retryAfterMs !== undefined)
    expect((error as RateLimitError).retryAfterMs).toBe(testCase.retryAfterMs);
  expect(attempts).toBe(testCase.attempts);
  expect(elapsedMs).toBeLessThanOrEqual(elapsedLimitMs(testCase));

  await client.close();
  await agent.close();
  for (const stats of Object.values(agent.stats)) expect(stats.connected).toBe(0);
  await afterRejectionsSettle();
  expect(target.unhandled.take()).toEqual([]);
  target.emulator.faults.clear();
  try {
    expect(sockets.created()).toBeGreaterThan(0);
    await expectClientSocketsClosed(sockets);
  } finally {
    sockets.stop();
  }
  await expectBackToBaseline(baseline, target.upstreamPoolsConnections ? ["TCPSocketWrap"] : []);
  return { error, elapsedMs, attempts };
}

/** One generate row: the fault on every attempt of `client.generate`. */
export function runGenerateCase(target: Target, testCase: FaultCase): Promise<CaseOutcome> {
  target.emulator.clear();
  target.emulator.faults.next(MATRIX_CLIENT.maxRetries + 1, testCase.fault);
  return runCase(target, testCase, "/generate", (client) =>
    client.generate(freshRequest(testCase.label), { timeout: testCase.timeoutMs }),
  );
}

/**
 * One download row: a clean generate, then the fault on every attempt of `client.saveImages`, whose
 * SaveImagesError must name image 0 and carry the row's error as its cause.
 * Also checks that the failed download left no file, partial or whole, in the directory.
 */
export async function runDownloadCase(target: Target, testCase: FaultCase): Promise<CaseOutcome> {
  const dir = await mkdtemp(join(tmpdir(), "ideokit-matrix-"));
  try {
    const generated = await generateCleanly(target, testCase.label);
    target.emulator.clear();
    target.emulator.faults.next(MATRIX_CLIENT.maxRetries + 1, testCase.fault, { on: "images" });
    // saveImages wraps the download's failure in a SaveImagesError naming the image and what was
    // saved; the row's error is its cause.
    const outcome = await runCase(target, testCase, "/images/", (client) =>
      client.saveImages(generated, dir).catch((error: unknown) => {
        expect(error).toBeInstanceOf(SaveImagesError);
        const failure = error as SaveImagesError;
        expect(failure.failed.map((image) => image.index)).toEqual([0]);
        expect(failure.paths).toEqual([]);
        expect(failure.message).toContain("Image 0 was not saved");
        throw failure.cause;
      }),
    );
    expect(await readdir(dir)).toEqual([]);
    return outcome;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// The images under test come from a clean generate that is not part of the row: it goes through the
// patient worker where there is one, so a busy machine cannot trip the fast worker's deadline here.
async function generateCleanly(target: Target, label: string): Promise<GenerateResponse> {
  const client = new Ideogram({
    baseURL: target.patientBaseURL ?? target.baseURL,
    apiKey: target.apiKey,
    auth: target.apiKey === undefined ? "none" : "bearer",
    maxRetries: 0,
    env: {},
  });
  try {
    return await client.generate(freshRequest(`download ${label}`));
  } finally {
    await client.close();
  }
}
