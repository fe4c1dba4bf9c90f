import { type HeaderSource, normalizeHeaders, requestIdOf } from "./headers.ts";
import { htmlErrorSummary } from "./html-error-page.ts";
import { formatIssues, type ValidationIssue } from "./issues.ts";
import { redactDeep, redactSecrets } from "./redact.ts";

/** Base class of every error ideokit throws. */
export class IdeogramError extends Error {
  override name = "IdeogramError";
}

/** What an {@link APIError} is built from: the HTTP answer plus secrets to keep out of it. */
export interface APIErrorInit {
  status: number;
  headers?: HeaderSource;
  body?: unknown;
  /** Overrides the message derived from the body. */
  message?: string;
  /** Strings (API keys, tokens) to redact from the message, body and headers. */
  secrets?: readonly string[];
}

const MAX_DETAIL_LENGTH = 500;

function truncate(text: string): string {
  return text.length > MAX_DETAIL_LENGTH ? `${text.slice(0, MAX_DETAIL_LENGTH)}…` : text;
}

/**
 * The human-readable part of an error body: `{ error }`, `{ error: { message } }`, `{ message }`,
 * `{ detail }` or text; an HTML error page gives its `<title>` (else the text of `status`), never its markup.
 */
export function errorDetail(body: unknown, status?: number): string | undefined {
  if (typeof body === "string") {
    if (body.trim() === "") return undefined;
    return htmlErrorSummary(body, status) ?? truncate(body.trim());
  }
  if (typeof body !== "object" || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const nested = record.error as Record<string, unknown> | undefined;
  for (const candidate of [record.error, nested?.message, record.message, record.detail]) {
    if (typeof candidate === "string" && candidate !== "") return truncate(candidate);
  }
  if (Array.isArray(record.detail)) {
    const messages = record.detail
      .map((item) => (item as { msg?: unknown } | null)?.msg)
      .filter((msg) => typeof msg === "string");
    if (messages.length > 0) return truncate(messages.join("; "));
  }
  return truncate(JSON.stringify(body));
}

/** A non-2xx answer from the service. `status`, lower-cased `headers`, parsed `body`, `requestId`. */
export class APIError extends IdeogramError {
  override name = "APIError";
  /** HTTP status code. */
  readonly status: number;
  /** Response headers, names lower-cased. */
  readonly headers: Record<string, string>;
  /** Parsed JSON body, or text when it was not JSON. */
  readonly body: unknown;
  /** The service's request id (`x-request-id` / `request-id`), for support tickets. */
  readonly requestId: string | undefined;

  constructor(init: APIErrorInit) {
    const secrets = init.secrets ?? [];
    const body = redactDeep(init.body, secrets);
    const detail =
      init.message === undefined ? errorDetail(body, init.status) : redactSecrets(init.message, secrets);
    super(`${init.status} ${detail ?? "status code (no body)"}`);
    this.status = init.status;
    const headers = normalizeHeaders(init.headers);
    for (const name of Object.keys(headers)) headers[name] = redactSecrets(headers[name] ?? "", secrets);
    this.headers = headers;
    this.body = body;
    this.requestId = requestIdOf(headers);
  }

  /** A plain, loggable copy (never contains the API key). */
  toJSON(): { name: string; message: string; status: number; requestId: string | undefined; body: unknown } {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      requestId: this.requestId,
      body: this.body,
    };
  }
}

/** 400: the service rejected the request as malformed. */
export class BadRequestError extends APIError {
  override name = "BadRequestError";
}

/** 401: missing or wrong API key. */
export class AuthenticationError extends APIError {
  override name = "AuthenticationError";
}

/** 403: the key may not use this endpoint. */
export class PermissionDeniedError extends APIError {
  override name = "PermissionDeniedError";
}

/** 404: wrong base URL or path. */
export class NotFoundError extends APIError {
  override name = "NotFoundError";
}

/** 409: conflicting concurrent request. */
export class ConflictError extends APIError {
  override name = "ConflictError";
}

/** 422: the prompt failed the safety check; `error` holds the service's explanation. */
export class UnprocessableEntityError extends APIError {
  override name = "UnprocessableEntityError";
  /** The service's explanation, e.g. "Prompt provided failed safety check …". */
  readonly error: string | undefined;

  constructor(init: APIErrorInit) {
    super(init);
    this.error = errorDetail(this.body);
  }
}

/** 429: too many requests; `retryAfterMs` is how long the service asked to wait, when it said. */
export class RateLimitError extends APIError {
  override name = "RateLimitError";
  /** Delay the service asked for via `retry-after-ms` / `Retry-After`, in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(init: APIErrorInit & { retryAfterMs?: number }) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** 5xx: the service failed. */
export class InternalServerError extends APIError {
  override name = "InternalServerError";
}

/** What a transport error is built from. */
export interface ConnectionErrorInit {
  message?: string;
  cause?: unknown;
  /** Strings (API keys, tokens) to redact from the message and the cause's message. */
  secrets?: readonly string[];
}

function redactedCause(cause: unknown, secrets: readonly string[]): unknown {
  if (!(cause instanceof Error) || secrets.length === 0) return cause;
  const message = redactSecrets(cause.message, secrets);
  if (message === cause.message) return cause;
  const copy = new Error(message);
  copy.name = cause.name;
  return copy;
}

/** The request never got an HTTP answer (DNS, TCP, TLS, reset). `cause` holds the underlying error. */
export class APIConnectionError extends IdeogramError {
  override name = "APIConnectionError";

  constructor(init: ConnectionErrorInit = {}) {
    const secrets = init.secrets ?? [];
    super(redactSecrets(init.message ?? "Connection error.", secrets), {
      cause: redactedCause(init.cause, secrets),
    });
  }
}

/** The request exceeded its timeout. */
export class APITimeoutError extends APIConnectionError {
  override name = "APITimeoutError";

  constructor(init: ConnectionErrorInit = {}) {
    super({ ...init, message: init.message ?? "Request timed out." });
  }
}

/** The caller aborted the request (AbortSignal); never retried. `cause` is the signal's reason. */
export class APIUserAbortError extends IdeogramError {
  override name = "APIUserAbortError";

  constructor(message = "Request was aborted.", options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The request is invalid; nothing was sent. `issues` names every offending field. */
export class RequestValidationError extends IdeogramError {
  override name = "RequestValidationError";
  /** Every problem found, each with its path, code and message. */
  readonly issues: ValidationIssue[];

  constructor(issues: ValidationIssue[]) {
    super(
      `Invalid image request (${issues.length} ${issues.length === 1 ? "issue" : "issues"}):\n${formatIssues(issues)}`,
    );
    this.issues = issues;
  }
}

/** The service answered 200 with a body that does not match the documented response. */
export class ResponseValidationError extends IdeogramError {
  override name = "ResponseValidationError";
  /** Every problem found, each with its path, code and message. */
  readonly issues: ValidationIssue[];

  constructor(issues: ValidationIssue[]) {
    super(
      `Unexpected generate response (${issues.length} ${issues.length === 1 ? "issue" : "issues"}):\n${formatIssues(issues)}`,
    );
    this.issues = issues;
  }
}
