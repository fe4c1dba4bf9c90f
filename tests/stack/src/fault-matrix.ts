// The fault matrix as data: what each emulator fault must turn into for a user of each path.
// Runtime-neutral (no node: imports): the browser project reads it too.
import type { FaultKind } from "@ideokit/testing";

// Timing margins. Whenever two deadlines race (a client timeout and the worker's upstream timeout,
// a timeout and a `slow` answer) or a request must reach the emulator before a deadline fires, the
// one meant to lose is at least MARGIN times the other, so a busy 2-core machine (where a loopback
// round trip through workerd can take a few hundred ms) never flips the outcome.
const MARGIN = 5;

/** The client settings every matrix call uses unless a case says otherwise: short, so the matrix stays fast. */
export const MATRIX_CLIENT = { timeoutMs: 1000, maxRetries: 1 } as const;

/** The worker's UPSTREAM_TIMEOUT_MS: shorter than the client's, as in production (60 s vs 120 s). */
export const MATRIX_WORKER_TIMEOUT_MS = 1000;

/** The client timeout of calls the worker must answer first (its 504 arrives long before it). */
export const WORKER_PATH_CLIENT_TIMEOUT_MS = MARGIN * MATRIX_WORKER_TIMEOUT_MS;

/**
 * UPSTREAM_TIMEOUT_MS of the second, patient worker, for the case where the client's own timeout
 * must fire first: twice MARGIN times the client's, so the worker's 504 never wins that race.
 */
export const PATIENT_WORKER_TIMEOUT_MS = 2 * MARGIN * MATRIX_CLIENT.timeoutMs;

/** `slow:MS` far beyond every timeout it is raced against (the client's and the worker's). */
export const SLOW_FAULT =
  `slow:${MARGIN * Math.max(MATRIX_CLIENT.timeoutMs, MATRIX_WORKER_TIMEOUT_MS)}` as const;

/** What a call may take beyond MARGIN times its timeouts and backoff: process start-up, first connections. */
export const ELAPSED_SLACK_MS = 2000;

/** The longest first-retry wait core's policy picks without Retry-After (500 ms minus jitter). */
const BACKOFF_MS = 500;

/** One row of the matrix: a fault injected into every attempt, and what the caller must see. */
export interface FaultCase {
  /** Short name for the table, e.g. "429 (Retry-After 1 s)". */
  label: string;
  /** Queued on the emulator for every attempt. */
  fault: FaultKind;
  /** Name of the error class the call rejects with (exactly: APITimeoutError is not APIConnectionError). */
  error: string;
  /** `status` of an APIError. */
  status?: number;
  /** `retryAfterMs` of a RateLimitError: the wait the caller is told about. */
  retryAfterMs?: number;
  /** Requests the emulator receives for the call. */
  attempts: number;
  /**
   * Where the runtime itself may send more than the client asked for, the most requests there:
   * Chromium silently re-sends a request once when a reused keep-alive connection drops.
   */
  attemptsUpTo?: Partial<Record<MatrixPath, number>>;
  /** Upper bound of the call's duration before slack: attempts that run out their time, plus waits. */
  boundMs: number;
  /** Per-call timeout, when it differs from {@link MATRIX_CLIENT}. */
  timeoutMs?: number;
  /** Sent through the worker whose upstream timeout is {@link PATIENT_WORKER_TIMEOUT_MS}. */
  patientWorker?: boolean;
}

/** The three ways a user reaches the upstream. */
export type MatrixPath = "node → emulator" | "node → worker → emulator" | "browser → worker → emulator";

const { timeoutMs } = MATRIX_CLIENT;

function immediate(label: string, fault: FaultKind, error: string, status?: number): FaultCase {
  return { label, fault, error, status, attempts: 1, boundMs: 0 };
}

function retried(
  label: string,
  fault: FaultKind,
  error: string,
  status?: number,
  waitMs = BACKOFF_MS,
): FaultCase {
  return { label, fault, error, status, attempts: 2, boundMs: waitMs };
}

function timedOut(
  label: string,
  fault: FaultKind,
  error: string,
  attemptMs: number,
  status?: number,
): FaultCase {
  return { label, fault, error, status, attempts: 2, boundMs: 2 * attemptMs + BACKOFF_MS };
}

const slowLabel = `slow (${SLOW_FAULT.slice(5)} ms)`;

const RATE_LIMITED: FaultCase = {
  ...retried("429 (Retry-After 1 s)", "429", "RateLimitError", 429, 1000),
  retryAfterMs: 1000,
};

const RATE_LIMITED_MS: FaultCase = {
  ...retried("429 (retry-after-ms 200)", "429:200", "RateLimitError", 429, 200),
  retryAfterMs: 200,
};

/** Upstream HTTP errors: the same for the caller on every path, as the worker relays them unchanged. */
const HTTP_ERROR_CASES: FaultCase[] = [
  retried("500", "500", "InternalServerError", 500),
  retried("502", "502", "InternalServerError", 502),
  retried("503", "503", "InternalServerError", 503),
  RATE_LIMITED,
  RATE_LIMITED_MS,
  retried("409", "409", "ConflictError", 409),
  immediate("403", "403", "PermissionDeniedError", 403),
];

/** Generate calls straight to the emulator (@ideokit/node). */
export const DIRECT_GENERATE_CASES: FaultCase[] = [
  ...HTTP_ERROR_CASES,
  retried("reset", "reset", "APIConnectionError"),
  timedOut(slowLabel, SLOW_FAULT, "APITimeoutError", timeoutMs),
  timedOut("hang", "hang", "APITimeoutError", timeoutMs),
  immediate("malformed", "malformed", "ResponseValidationError"),
  immediate("truncated", "truncated", "ResponseValidationError"),
];

/**
 * Generate calls through the edge worker: it turns upstream transport failures into 502/504. Every
 * case but the last gives the client {@link WORKER_PATH_CLIENT_TIMEOUT_MS}, so the worker answers
 * first; the last goes through the patient worker, so the client's own timeout does.
 */
export const WORKER_GENERATE_CASES: FaultCase[] = [
  ...HTTP_ERROR_CASES,
  retried("reset", "reset", "InternalServerError", 502),
  timedOut(slowLabel, SLOW_FAULT, "InternalServerError", MATRIX_WORKER_TIMEOUT_MS, 504),
  timedOut("hang", "hang", "InternalServerError", MATRIX_WORKER_TIMEOUT_MS, 504),
  retried("malformed", "malformed", "InternalServerError", 502),
  retried("truncated", "truncated", "InternalServerError", 502),
]
  .map((testCase): FaultCase => ({ ...testCase, timeoutMs: WORKER_PATH_CLIENT_TIMEOUT_MS }))
  .concat({
    ...timedOut(
      `hang, client timeout ${timeoutMs} ms (worker waits ${PATIENT_WORKER_TIMEOUT_MS / 1000} s)`,
      "hang",
      "APITimeoutError",
      timeoutMs,
    ),
    patientWorker: true,
  });

/** Image downloads (the URLs point at the emulator, whichever path generated them). */
export const DOWNLOAD_CASES: FaultCase[] = [
  retried("503", "503", "InternalServerError", 503),
  RATE_LIMITED,
  immediate("403", "403", "PermissionDeniedError", 403),
  { ...retried("reset", "reset", "APIConnectionError"), attemptsUpTo: { "browser → worker → emulator": 4 } },
  timedOut("hang", "hang", "APITimeoutError", timeoutMs),
  retried("truncated (connection drops mid-body)", "truncated", "APIConnectionError"),
];

/**
 * The longest a case may take: MARGIN times its bound, plus slack. Loose on purpose: it proves a
 * call ends (no hang, no 60 s Retry-After wait), not how fast this machine is.
 */
export function elapsedLimitMs(testCase: FaultCase): number {
  return MARGIN * testCase.boundMs + ELAPSED_SLACK_MS;
}
