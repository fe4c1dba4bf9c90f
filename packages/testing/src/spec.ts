import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import {
  createSpecValidator,
  type OpenApiDocument,
  type SpecValidator,
  type SpecValidatorOptions,
} from "./openapi/validator.ts";

export {
  createSpecValidator,
  type OpenApiDocument,
  SpecAssertionError,
  type SpecError,
  type SpecHttpRequest,
  type SpecValidator,
  type SpecValidatorOptions,
} from "./openapi/validator.ts";

const shared = new Map<string, SpecValidator>();

/**
 * A validator for the official Ideogram OpenAPI spec that `@ideokit/core` vendors
 * (`@ideokit/core/openapi.json`), with the reseller's documented differences accepted too (its
 * page answers generate with `style_type: null`). One is created per set of options and shared:
 * compiled schemas are cached.
 */
export function specValidator(options: SpecValidatorOptions = {}): SpecValidator {
  const key = options.unknownProperties ?? "allow";
  let validator = shared.get(key);
  if (validator === undefined) {
    validator = createSpecValidator(withResellerDifferences(readVendoredSpec()), options);
    shared.set(key, validator);
  }
  return validator;
}

/** Where the two API documents differ, either is accepted: the official spec plus what the reseller's page shows. */
function withResellerDifferences(document: OpenApiDocument): OpenApiDocument {
  const schemas = document.components?.schemas as Record<string, { properties: Record<string, unknown> }>;
  const imageObject = schemas.ImageObject!;
  const styleType = imageObject.properties.style_type;
  imageObject.properties.style_type = { oneOf: [styleType, { type: "null" }] };
  return document;
}

/** The vendored spec, parsed. Node-only: it reads the file next to @ideokit/core. */
export function readVendoredSpec(): OpenApiDocument {
  const path = createRequire(import.meta.url).resolve("@ideokit/core/openapi.json");
  return JSON.parse(readFileSync(path, "utf8")) as OpenApiDocument;
}
