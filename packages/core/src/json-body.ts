// Its own module so the pipeline can read any JSON answer without importing the legacy generate operation.
import { ResponseValidationError } from "./errors.ts";

const PREVIEW_LENGTH = 80;

/**
 * A 2xx body's JSON; a body that is not JSON (an HTML error page, a reply cut short) throws
 * {@link ResponseValidationError} with one `invalid_json` issue quoting the start of the text.
 */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
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
}
