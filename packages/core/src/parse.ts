import { checkGenerateResponse } from "./check-response.ts";
import { ResponseValidationError } from "./errors.ts";
import type { ValidationIssue } from "./issues.ts";
import type { GenerateResponse } from "./response-schema.ts";

/**
 * Checks a `/generate` 200 body (the rules of `GenerateResponseSchema`) and returns it typed,
 * unknown fields kept. Lenient where the service is loose (`url` null or absent for unsafe
 * images, `style_type` null); throws {@link ResponseValidationError} naming the offending path
 * where a caller would be hurt (no `data`, a safe image without a URL, wrong types).
 */
export function parseGenerateResponse(json: unknown): GenerateResponse {
  const issues: ValidationIssue[] = [];
  checkGenerateResponse(json, issues);
  if (issues.length > 0) throw new ResponseValidationError(issues);
  return json as GenerateResponse;
}
