import { checkGenerateRequest, checkImageRequest } from "./check-request.ts";
import { RequestValidationError } from "./errors.ts";
import type { ValidationIssue } from "./issues.ts";
import type { GenerateRequest, ImageRequest } from "./request-schema.ts";

/** Options of {@link validateImageRequest}. */
export interface ValidateOptions {
  /** `"reject"` (default) names each unknown field; `"passthrough"` keeps them untouched for newer upstream fields. */
  unknownKeys?: "reject" | "passthrough";
}

/**
 * Checks an `image_request` against every documented rule (the rules of `ImageRequestSchema`)
 * and returns the same object, typed. Throws {@link RequestValidationError} naming every
 * offending field at once.
 */
export function validateImageRequest(input: unknown, options: ValidateOptions = {}): ImageRequest {
  const issues: ValidationIssue[] = [];
  checkImageRequest(input, [], options.unknownKeys !== "passthrough", issues);
  if (issues.length > 0) throw new RequestValidationError(issues);
  return input as ImageRequest;
}

/** Like {@link validateImageRequest} for the whole `{ image_request }` body; paths start with "image_request". */
export function validateGenerateRequest(input: unknown, options: ValidateOptions = {}): GenerateRequest {
  const issues: ValidationIssue[] = [];
  checkGenerateRequest(input, options.unknownKeys !== "passthrough", issues);
  if (issues.length > 0) throw new RequestValidationError(issues);
  return input as GenerateRequest;
}

/** A client's `validate` option: `true` rejects unknown fields, `"passthrough"` sends them on, `false` skips the check. */
export type ValidateMode = boolean | "passthrough";

/** The check a client runs on each request before sending it, in the strictness `mode` asks for (none for `false`). */
export function imageRequestValidator(mode: ValidateMode): (input: ImageRequest) => ImageRequest {
  if (mode === false) return (input) => input;
  const options: ValidateOptions = { unknownKeys: mode === "passthrough" ? "passthrough" : "reject" };
  return (input) => validateImageRequest(input, options);
}
