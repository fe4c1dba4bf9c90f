import { type ImageRequest, validateImageRequest } from "@ideokit/core";
import type { ValidateMode } from "./client-options.ts";

/** Applies the client's validate mode; core does the checking and throws RequestValidationError. */
export function checkRequest(input: ImageRequest, mode: ValidateMode): ImageRequest {
  if (mode === false) return input;
  return validateImageRequest(input, { unknownKeys: mode === "passthrough" ? "passthrough" : "reject" });
}
