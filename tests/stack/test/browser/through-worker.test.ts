import {
  type APIError,
  createClient,
  fetchImage,
  type GenerateResponse,
  IdeogramError,
  type RateLimitError,
} from "@ideokit/browser";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { commands } from "vitest/browser";
import {
  DOWNLOAD_CASES,
  elapsedLimitMs,
  type FaultCase,
  MATRIX_CLIENT,
  type MatrixPath,
  WORKER_GENERATE_CASES,
} from "../../src/fault-matrix.ts";

const PATH: MatrixPath = "browser → worker → emulator";
const baseURL = `${inject("workerURL")}/ideogram`;
const patientBaseURL = `${inject("patientWorkerURL")}/ideogram`;

let unhandled: unknown[] = [];
const recordUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
beforeEach(async () => {
  unhandled = [];
  window.addEventListener("unhandledrejection", recordUnhandled);
  await commands.clearEmulator();
});
afterEach(async () => {
  window.removeEventListener("unhandledrejection", recordUnhandled);
  await commands.clearEmulator();
});

let seed = 5000;
function freshRequest(label: string) {
  seed += 1;
  return { prompt: `browser fault matrix: ${label}`, seed, magic_prompt_option: "OFF" as const };
}

function mostAttempts(testCase: FaultCase): number {
  return testCase.attemptsUpTo?.[PATH] ?? testCase.attempts;
}

/** Enough faults for every attempt the client may make, and any re-send of Chromium's own. */
function faultsToQueue(testCase: FaultCase): number {
  return Math.max(MATRIX_CLIENT.maxRetries + 1, mostAttempts(testCase));
}

function clientFor(testCase: FaultCase) {
  return createClient({
    baseURL: testCase.patientWorker ? patientBaseURL : baseURL,
    timeout: testCase.timeoutMs ?? MATRIX_CLIENT.timeoutMs,
    maxRetries: MATRIX_CLIENT.maxRetries,
  });
}

/** Runs `call` (faults queued, emulator log cleared) and checks the error, attempts, time and rejections. */
async function expectRow(testCase: FaultCase, route: string, call: () => Promise<unknown>) {
  const started = performance.now();
  const error = await call().then(
    () => new Error("expected the call to fail, but it succeeded"),
    (caught: unknown) => caught,
  );
  const elapsedMs = performance.now() - started;
  const attempts = await commands.upstreamRequestCount(route);

  expect(error).toBeInstanceOf(IdeogramError);
  expect((error as Error).name).toBe(testCase.error);
  if (testCase.status !== undefined) expect((error as APIError).status).toBe(testCase.status);
  if (testCase.retryAfterMs !== undefined)
    expect((error as RateLimitError).retryAfterMs).toBe(testCase.retryAfterMs);
  expect(attempts).toBeGreaterThanOrEqual(testCase.attempts);
  expect(attempts).toBeLessThanOrEqual(mostAttempts(testCase));
  expect(elapsedMs).toBeLessThanOrEqual(elapsedLimitMs(testCase));
  // Rejections are reported after the task that left them unhandled: let one pass.
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(unhandled).toEqual([]);
}

function rowName(testCase: FaultCase): string {
  return `${testCase.label} → ${testCase.error}, ${testCase.attempts} attempt(s)`;
}

describe(`${PATH}: generate`, () => {
  for (const testCase of WORKER_GENERATE_CASES) {
    it(rowName(testCase), async () => {
      await commands.queueFaults(faultsToQueue(testCase), testCase.fault, "generate");
      const client = clientFor(testCase);
      await expectRow(testCase, "/generate", () => client.generate(freshRequest(testCase.label)));
    });
  }
});

describe(`${PATH}: fetchImage (image URLs point at the emulator)`, () => {
  for (const testCase of DOWNLOAD_CASES) {
    it(rowName(testCase), async () => {
      // The set-up generate is not part of the row: the patient worker keeps a busy machine from
      // tripping the fast worker's deadline before the download under test starts.
      const generated: GenerateResponse = await createClient({
        baseURL: patientBaseURL,
        maxRetries: 0,
      }).generate(freshRequest(`download ${testCase.label}`));
      await commands.clearEmulator();
      await commands.queueFaults(faultsToQueue(testCase), testCase.fault, "images");
      await expectRow(testCase, "/images/", () =>
        fetchImage(generated.data[0]!, {
          timeout: testCase.timeoutMs ?? MATRIX_CLIENT.timeoutMs,
          maxRetries: MATRIX_CLIENT.maxRetries,
        }),
      );
    });
  }
});
