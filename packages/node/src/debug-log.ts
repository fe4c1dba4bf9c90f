import { type AttemptEvent, redactSecrets, type TransportRequest } from "@ideokit/core";

/** Writes one diagnostic line; `enabled` is false unless IDEOGRAM_LOG=debug. */
export interface DebugLog {
  (line: string): void;
  readonly enabled: boolean;
}

/**
 * Debug lines go to stderr so `--json` output on stdout stays clean. Callers never pass the key;
 * `secrets` are redacted all the same, in case one hides in a configured URL.
 */
export function createDebugLog(enabled: boolean, secrets: readonly string[] = []): DebugLog {
  const write = (line: string) => {
    if (enabled) process.stderr.write(`[ideokit] ${redactSecrets(line, secrets)}\n`);
  };
  return Object.assign(write, { enabled });
}

/** A URL as the debug log shows it: without the `user:password@` part (credentials) and, for images, the query (signature). */
function loggableURL(request: TransportRequest): string {
  const url = request.url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/?#]*@/i, "$1");
  return request.method === "GET" ? url.replace(/\?.*$/, "") : url;
}

/** One attempt's outcome for the debug log: the status, or the error's class name. */
function describeOutcome(event: AttemptEvent): string {
  if (event.status !== undefined) return String(event.status);
  const { error } = event;
  if (typeof error === "object" && error !== null && "status" in error) return String(error.status);
  return error instanceof Error ? error.name : "error";
}

/**
 * Core's per-attempt hook writing `POST <url> 503 attempt 1/3 12ms, retrying in 480ms`; undefined
 * when the log is off, so the pipeline reads no clock on the hot path.
 */
export function attemptLogger(
  log: DebugLog,
): ((event: AttemptEvent, request: TransportRequest) => void) | undefined {
  if (!log.enabled) return undefined;
  return (event, request) => {
    const next = event.retryDelayMs === undefined ? "" : `, retrying in ${Math.round(event.retryDelayMs)}ms`;
    log(
      `${request.method} ${loggableURL(request)} ${describeOutcome(event)} attempt ${event.attempt}/${event.maxAttempts} ${Math.round(event.elapsedMs)}ms${next}`,
    );
  };
}
