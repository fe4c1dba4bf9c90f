// The fault matrix as data: what each emulator fault must turn into for a user of each path.
// Runtime-neutral (no node: imports): the browser project reads it too.
import type { FaultKind } from "@ideokit/testing";

/** The client settings every matrix call uses: short, so the whole matrix stays fast. */
export const MATRIX_CLIENT = { timeoutMs: 1000, maxRetries: 1 } as const;

/** The worker's UPSTREAM_TIMEOUT_MS: shorter than the client's, as in production (60 s vs 120 s). */
export const MATRIX_WORKER_TIMEOUT_MS = 600;

/** `slow:MS` beyond both timeouts. */
export const SLOW_FAULT = `slow:${MATRIX_CLIENT.timeoutMs + 500}` as const;

/** What a call may take beyond its timeouts and backoff: scheduling on a loaded 2-core machine. */
export const ELAPSED_SLACK_MS = 1500;

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

/** Generate calls through the edge worker: it turns upstream transport failures into 502/504. */
export const WORKER_GENERATE_CASES: FaultCase[] = [
  ...HTTP_ERROR_CASES,
  retried("reset", "reset", "InternalServerError", 502),
  timedOut(slowLabel, SLOW_FAULT, "InternalServerError", MATRIX_WORKER_TIMEOUT_MS, 504),
  timedOut("hang", "hang", "InternalServerError", MATRIX_WORKER_TIMEOUT_MS, 504),
  {
    ...timedOut("hang, client timeout 300 ms", "hang", "APITimeoutError", 300),
    timeoutMs: 300,
  },
  retried("malformed", "malformed", "InternalServerError", 502),
  retried("truncated", "truncated", "InternalServerError", 502),
];

/** Image downloads (the URLs point at the emulator, whichever path generated them). */
export const DOWNLOAD_CASES: FaultCase[] = [
  retried("503", "503", "InternalServerError", 503),
  RATE_LIMITED,
  immediate("403", "403", "PermissionDeniedError", 403),
  { ...retried("reset", "reset", "APIConnectionError"), attemptsUpTo: { "browser → worker → emulator": 4 } },
  timedOut("hang", "hang", "APITimeoutError", timeoutMs),
  retried("truncated (connection drops mid-body)", "truncated", "APIConnectionError"),
];

/** The longest a case may take: its bound plus slack. */
export function elapsedLimitMs(testCase: FaultCase): number {
  return testCase.boundMs + ELAPSED_SLACK_MS;
}
