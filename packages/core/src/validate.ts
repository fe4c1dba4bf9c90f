import { RequestValidationError } from "./errors.ts";
import type { ValidationIssue } from "./issues.ts";
import { objectMessage } from "./messages.ts";
import type { CheckOptions, SafeResult } from "./operation.ts";
import { generateOperation } from "./operations/generate.ts";
import type { GenerateRequest, ImageRequest } from "./request-schema.ts";
import { isRecord, unknownKeys } from "./table/check-support.ts";

/** Options of {@link validateImageRequest}. */
export interface ValidateOptions {
  /** `"reject"` (default) names each unknown field; `"passthrough"` keeps them untouched for newer upstream fields. */
  unknownKeys?: "reject" | "passthrough";
}

function orThrow<T>(result: SafeResult<T>): T {
  if (!result.success) throw new RequestValidationError([...result.issues]);
  return result.data;
}

/** {@link validateImageRequest} without throwing: `{ success: true, data }` or `{ success: false, issues }`. */
export function safeValidateImageRequest(
  input: unknown,
  options: CheckOptions = {},
): SafeResult<ImageRequest> {
  return generateOperation.check(input, options);
}

/**
 * Checks an `image_request` against every documented rule (the legacy generate's table entry)
 * and returns the same object, typed. Throws {@link RequestValidationError} naming every
 * offending field at once.
 */
export function validateImageRequest(input: unknown, options: ValidateOptions = {}): ImageRequest {
  return orThrow(safeValidateImageRequest(input, options));
}

/** {@link validateGenerateRequest} without throwing. */
export function safeValidateGenerateRequest(
  input: unknown,
  options: CheckOptions = {},
): SafeResult<GenerateRequest> {
  const issues: ValidationIssue[] = [];
  const reject = options.unknownKeys !== "passthrough";
  if (!isRecord(input)) {
    issues.push({ path: [], code: "invalid_type", message: objectMessage(input) });
  } else {
    const inner = generateOperation.check(input.image_request, options);
    if (!inner.success)
      for (const issue of inner.issues) issues.push({ ...issue, path: ["image_request", ...issue.path] });
    if (reject) unknownKeys(input, ["image_request"], [], issues);
  }
  return issues.length === 0 ? { success: true, data: input as GenerateRequest } : { success: false, issues };
}

/** Like {@link validateImageRequest} for the whole `{ image_request }` body; paths start with "image_request". */
export function validateGenerateRequest(input: unknown, options: ValidateOptions = {}): GenerateRequest {
  return orThrow(safeValidateGenerateRequest(input, options));
}

/** A client's `validate` option: `true` rejects unknown fields, `"passthrough"` sends them on, `false` skips the check. */
export type ValidateMode = boolean | "passthrough";

/** The check a client runs on each request before sending it, in the strictness `mode` asks for (none for `false`). */
export function imageRequestValidator(mode: ValidateMode): (input: ImageRequest) => ImageRequest {
  if (mode === false) return (input) => input;
  const options: ValidateOptions = { unknownKeys: mode === "passthrough" ? "passthrough" : "reject" };
  return (input) => validateImageRequest(input, options);
}
