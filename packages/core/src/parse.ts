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

const PREVIEW_LENGTH = 80;

/**
 * {@link parseGenerateResponse} for the raw body text, as transports read it: a body that is not
 * JSON (an HTML error page, a reply cut short) throws {@link ResponseValidationError} too, with
 * one `invalid_json` issue quoting the start of the text.
 */
export function parseGenerateResponseText(text: string): GenerateResponse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const preview = text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH)}…` : text;
    throw new ResponseValidationError([
      {
        path: [],
        code: "invalid_json",
        message: `body is not valid JSON (${(error as SyntaxError).message}); received ${JSON.stringify(preview)}`,
      },
    ]);
  }
  return parseGenerateResponse(json);
}
