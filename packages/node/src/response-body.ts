import { ResponseValidationError } from "@ideokit/core";

/** Parses a 2xx body as JSON; a malformed or truncated body becomes a ResponseValidationError naming the problem. */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const preview = text.length > 80 ? `${text.slice(0, 80)}…` : text;
    throw new ResponseValidationError([
      {
        path: [],
        code: "invalid",
        message: `body is not valid JSON (${reason}); received ${JSON.stringify(preview)}`,
      },
    ]);
  }
}

/** An error body as JSON when it is JSON, else as text, for core's errorFromResponse. */
export function parseErrorBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
