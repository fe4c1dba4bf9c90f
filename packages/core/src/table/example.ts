import type { InputOf } from "../operation.ts";
import type { TableOperation } from "./define.ts";
import { exampleFont, examplePng } from "./example-files.ts";
import type { Field } from "./field.ts";

// The shared fixture of every table-driven test in the repo (core, emulator, clients, worker):
// a valid input for any operation, from the table's own examples.

/** The input type of an operation; a plain record for an operation whose input type is not known. */
export type ExampleOf<O> = unknown extends InputOf<O> ? Record<string, unknown> : InputOf<O>;

function exampleFile(field: Field): Blob {
  const font = !(field.file?.formats ?? []).includes("png");
  // Every image is the same size, so a mask always matches the image it belongs to.
  return font
    ? new Blob([exampleFont()], { type: "font/ttf" })
    : new Blob([examplePng()], { type: "image/png" });
}

function exampleValue(field: Field): unknown {
  if (field.kind === "file") return exampleFile(field);
  if (field.kind === "file-list") return [exampleFile(field)];
  return field.example;
}

/**
 * A valid input of `operation`: `"minimal"` sets only the required fields, `"full"` every field
 * that fits together (the first of each exclusive pair, only fields the example model supports).
 * Files are tiny real PNGs (all of one size, so masks match) or font headers.
 */
export function exampleInput<O extends TableOperation>(
  operation: O,
  variant: "minimal" | "full",
): ExampleOf<O> {
  const input: Record<string, unknown> = {};
  for (const name of operation.fieldNames) {
    const field = operation.fields[name] as Field;
    if (field.required || variant === "full") input[name] = exampleValue(field);
  }
  for (const [first] of operation.rules.atLeastOne ?? []) {
    if (first !== undefined && input[first] === undefined)
      input[first] = exampleValue(operation.fields[first] as Field);
  }
  if (variant === "full") {
    const { exclusive = [], model } = operation.rules;
    for (const [, second] of exclusive) delete input[second];
    const chosen = model === undefined ? undefined : (input[model.field] ?? model.default);
    for (const name of operation.fieldNames) {
      const supported = operation.fields[name]?.models;
      if (supported !== undefined && !supported.includes(chosen as never)) delete input[name];
    }
  }
  return input as ExampleOf<O>;
}
