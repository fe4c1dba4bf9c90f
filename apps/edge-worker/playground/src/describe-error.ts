import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  AuthenticationError,
  errorDetail,
  formatPath,
  RateLimitError,
} from "@ideokit/core";
import { type FieldLabels, type Issue, withLabels } from "./issue-fields.ts";

/** What the error banner shows: a short title (with the HTTP status when there is one) and a message. */
export interface ErrorNotice {
  title: string;
  message: string;
  /** The worker's `x-request-id`, to quote when reporting a problem. */
  requestId?: string;
}

/** The banner for an error that no form field explains. */
export function describeError(error: unknown): ErrorNotice {
  if (error instanceof APIError) {
    const notice: ErrorNotice = {
      title: `Error ${error.status}`,
      message: `${errorDetail(error.body) ?? "The worker gave no details."}${hint(error)}`,
    };
    if (error.requestId !== undefined) notice.requestId = error.requestId;
    return notice;
  }
  if (error instanceof APITimeoutError) {
    return {
      title: "Timed out",
      message: "The worker did not answer in time. Try again, perhaps with fewer images.",
    };
  }
  if (error instanceof APIConnectionError) {
    return { title: "Cannot reach the worker", message: error.message };
  }
  if (error instanceof Error) return { title: error.name, message: error.message };
  return { title: "Error", message: String(error) };
}

function hint(error: APIError): string {
  if (error instanceof AuthenticationError) return " Enter a client token under “Access token”.";
  if (error instanceof RateLimitError && error.retryAfterMs !== undefined) {
    return ` Try again in ${Math.ceil(error.retryAfterMs / 1000)} s.`;
  }
  return "";
}

/** The banner for request issues that no form control holds (e.g. a field the form does not offer). */
export function describeIssues(issues: readonly Issue[], labels: FieldLabels = {}): ErrorNotice {
  const name = (issue: Issue) => {
    const field = issue.path[0] === "image_request" ? issue.path[1] : issue.path[0];
    return typeof field === "string" && Object.hasOwn(labels, field) ? labels[field] : formatPath(issue.path);
  };
  return {
    title: "Invalid request",
    message: issues.map((issue) => `${name(issue)}: ${withLabels(issue.message, labels)}`).join("\n"),
  };
}
