import type { TableOperation, ValidationIssue } from "@ideokit/core";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context.ts";
import { errorResponse, invalidRequestResponse, MAX_ISSUES } from "../http/error-response.ts";

/**
 * Core's validation of `c.var.input` before anything is spent: the fields (400 naming each, the
 * first issues and their count), then the files' bytes (format by magic bytes, counts, total
 * sizes, a mask the image's size: 400; a file over its per-file limit: 413). The checked input
 * replaces `c.var.input`; a bad file never reaches the upstream.
 */
export function validateInput(operation: TableOperation) {
  const contract = `The request does not match the ${operation.id} contract.`;
  const { envelope, fields } = operation;
  // Core names fields of the flat input; the client wrote the non-file ones inside the envelope.
  const asSent = (issues: readonly ValidationIssue[]): ValidationIssue[] =>
    envelope === undefined
      ? [...issues]
      : issues.map((issue) => {
          const kind = fields[String(issue.path[0])]?.kind;
          return kind === "file" || kind === "file-list"
            ? issue
            : { ...issue, path: [envelope, ...issue.path] };
        });
  return createMiddleware<AppEnv>(async (c, next) => {
    const checked = operation.check(c.get("input"));
    if (!checked.success) return invalidRequestResponse(c, contract, asSent(checked.issues));
    const fileIssues = await operation.checkFiles(checked.data);
    if (fileIssues.some((issue) => issue.code === "file_too_big")) {
      const issues = fileIssues.slice(0, MAX_ISSUES).map(({ path, message }) => ({ path, message }));
      return errorResponse(c, 413, "payload_too_large", "A file is larger than the service takes.", {
        issues,
        issue_count: fileIssues.length,
      });
    }
    if (fileIssues.length > 0) return invalidRequestResponse(c, contract, fileIssues);
    c.set("input", checked.data as Record<string, unknown>);
    await next();
  });
}
