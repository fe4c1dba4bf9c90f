import { ResponseValidationError } from "@ideokit/core";

/** Parses a 2xx body as JSON; a body that is not JSON becomes a ResponseValidationError, as in @ideokit/node. */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const preview = text.length > 80 ? `${text.slice(0, 80)}…` : text;
    throw new ResponseValidationError([
      {
        path: [],
        code: "invalid",
        message: `body is not valid JSON (${error}); received ${JSON.stringify(preview)}`,
      },
    ]);
  }
}
