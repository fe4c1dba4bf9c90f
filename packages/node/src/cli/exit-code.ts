import { APIUserAbortError, RequestValidationError } from "@ideokit/core";
import { MissingAPIKeyError } from "../client-options.ts";
import { SaveImagesError } from "../save-images-error.ts";

/** Process exit codes of `ideokit`. */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/** 2 for what the user can fix in the command line, 130 for Ctrl-C, 1 for API and network failures. */
export function exitCodeFor(failure: unknown): number {
  // A failed download is judged by its cause: Ctrl-C during saving is still an interruption.
  const error = failure instanceof SaveImagesError ? failure.cause : failure;
  if (error instanceof RequestValidationError || error instanceof MissingAPIKeyError) return EXIT.usage;
  if (error instanceof APIUserAbortError) return EXIT.interrupted;
  return EXIT.failed;
}

/** One human line (or block) for an error: class, message, cause and request id. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error instanceof MissingAPIKeyError) return "Missing API key: set IDEOGRAM_API_KEY or pass --api-key.";
  if (error instanceof RequestValidationError || error instanceof SaveImagesError) return error.message;
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
  const requestId = "requestId" in error && error.requestId ? ` [request id ${error.requestId}]` : "";
  return `${error.name}: ${error.message}${cause}${requestId}`;
}
