import { validateImageRequest } from "@ideokit/core";
import type { PrepareRequest } from "./client.ts";
import type { ValidateMode } from "./client-options.ts";

/** Core's validation in the strictness the caller chose; `false` sends input as given. */
export function validatorFor(mode: ValidateMode): PrepareRequest {
  if (mode === false) return (input) => input;
  const unknownKeys = mode === "passthrough" ? "passthrough" : "reject";
  return (input) => validateImageRequest(input, { unknownKeys });
}
