import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createSpecValidator, type OpenApiDocument, type SpecValidator } from "./spec/validator.ts";

export {
  createSpecValidator,
  type OpenApiDocument,
  SpecAssertionError,
  type SpecError,
  type SpecHttpRequest,
  type SpecValidator,
} from "./spec/validator.ts";

let vendored: SpecValidator | undefined;

/**
 * A validator for the official Ideogram OpenAPI spec that `@ideokit/core` vendors
 * (`@ideokit/core/openapi.json`), created once and shared: compiled schemas are cached.
 */
export function specValidator(): SpecValidator {
  vendored ??= createSpecValidator(readVendoredSpec());
  return vendored;
}

/** The vendored spec, parsed. Node-only: it reads the file next to @ideokit/core. */
export function readVendoredSpec(): OpenApiDocument {
  const path = createRequire(import.meta.url).resolve("@ideokit/core/openapi.json");
  return JSON.parse(readFileSync(path, "utf8")) as OpenApiDocument;
}
