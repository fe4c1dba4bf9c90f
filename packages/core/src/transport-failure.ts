import { APIConnectionError, APITimeoutError, APIUserAbortError, IdeogramError } from "./errors.ts";

/** What was being attempted when a transport failed, for an error message a user can act on. */
export interface FailureContext {
  url: string;
  /** The attempt's timeout in ms. */
  timeout: number;
  /** Attempts made so far, this one included. */
  attempts: number;
  /** The caller's signal: once it has aborted, every failure is the caller's abort. */
  signal: AbortSignal | undefined;
  /** Whether the attempt's own timer ended it. */
  timedOut: boolean;
  /** Strings (API keys, tokens) that must not appear in the message or the cause. */
  secrets: readonly string[];
}

const AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#]*)/i;

/** `host:port` of a URL, without any `user:password@` part. */
function hostOf(url: string): string {
  return AUTHORITY.exec(url)?.[1] ?? url;
}

function attemptsText(attempts: number): string {
  return attempts === 1 ? "1 attempt" : `${attempts} attempts`;
}

/** The `code` of an error or of its cause (Node's `ECONNREFUSED`, undici's `UND_ERR_SOCKET`, ...). */
function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; depth < 3; depth++) {
    if (typeof current !== "object" || current === null) return undefined;
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && code !== "") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The caller's abort, with the signal's reason kept as `cause`. */
export function abortError(reason: unknown): APIUserAbortError {
  const detail = reason instanceof Error && reason.message !== "" ? `: ${reason.message}` : "";
  return new APIUserAbortError(`Request was aborted${detail}.`, { cause: reason });
}

/**
 * Turns whatever a transport threw during an attempt into core's error for it: the caller's abort,
 * a timeout (naming the timeout and the attempts made), a connection error (naming the host and the
 * cause's code), or an `IdeogramError` the transport raised itself.
 */
export function transportFailure(error: unknown, context: FailureContext): IdeogramError {
  if (context.signal?.aborted) return abortError(context.signal.reason);
  const host = hostOf(context.url);
  if (context.timedOut || error instanceof APITimeoutError) {
    return new APITimeoutError({
      message: `Request timed out: no answer from ${host} within ${context.timeout} ms (${attemptsText(context.attempts)}).`,
      cause: error,
      secrets: context.secrets,
    });
  }
  if (error instanceof IdeogramError) return error;
  const code = errorCode(error);
  const reason = code ?? (error instanceof Error ? error.message : String(error));
  return new APIConnectionError({
    message: `Connection error: ${reason} ${host} (${attemptsText(context.attempts)}).`,
    cause: error,
    secrets: context.secrets,
  });
}
