import { parseJsonBody } from "./json-body.ts";
import type { SafeResult } from "./operation.ts";
import { generateOperation } from "./operations/generate.ts";
import type { GenerateResponse } from "./response-schema.ts";

/** {@link parseGenerateResponse} without throwing. */
export function safeParseGenerateResponse(json: unknown): SafeResult<GenerateResponse> {
  return generateOperation.safeParse(json);
}

/**
 * Checks a `/generate` 200 body (the table's `images` response shape) and returns it typed,
 * unknown fields kept. Lenient where the service is loose (`url` null or absent for unsafe
 * images, `style_type` null); throws {@link ResponseValidationError} naming the offending path
 * where a caller would be hurt (no `data`, a safe image without a URL, wrong types).
 */
export function parseGenerateResponse(json: unknown): GenerateResponse {
  return generateOperation.parse(json);
}

/**
 * {@link parseGenerateResponse} for the raw body text, as transports read it: a body that is not
 * JSON (an HTML error page, a reply cut short) throws {@link ResponseValidationError} too, with
 * one `invalid_json` issue quoting the start of the text.
 */
export function parseGenerateResponseText(text: string): GenerateResponse {
  return parseGenerateResponse(parseJsonBody(text));
}
