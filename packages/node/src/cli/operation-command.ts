import type { Field, TableOperation } from "@ideokit/core";
import { displayValue, flagName } from "./field-flag.ts";

/** How an operation is called from the command line: its words, its positional fields, its flags. */
export interface OperationCommand {
  operation: TableOperation;
  /** `["generate"]`, `["magic-prompt"]`, `["v3", "replace-background"]`. */
  words: string[];
  /** The fields given as arguments, in order: the main image (`<image>`), then the prompt. */
  positional: { name: string; field: Field }[];
  /** Every other field, each a flag. */
  flags: { name: string; field: Field }[];
}

const kebab = (name: string): string => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** The image an operation works on: its first required single-file field that is not a mask. */
function mainImage(operation: TableOperation): string | undefined {
  return operation.fieldNames.find((name) => {
    const field = operation.fields[name];
    return field?.kind === "file" && field.required && name !== "mask";
  });
}

/** The command of an operation: `v3.replaceBackground` → `ideokit v3 replace-background <image> <prompt>`. */
export function operationCommand(operation: TableOperation): OperationCommand {
  const words = operation.id.split(".").map(kebab);
  const image = mainImage(operation);
  const prompt = operation.fields.prompt === undefined ? undefined : "prompt";
  const positionalNames = [image, prompt].filter((name): name is string => name !== undefined);
  const entry = (name: string) => ({ name, field: operation.fields[name] as Field });
  return {
    operation,
    words,
    positional: positionalNames.map(entry),
    flags: operation.fieldNames.filter((name) => !positionalNames.includes(name)).map(entry),
  };
}

/** `<image>`, `<prompt>` or `[prompt]`: how a positional field is written in usage lines and errors. */
export function argumentName(name: string, field: Field): string {
  const word = field.kind === "file" ? "image" : name;
  return field.required ? `<${word}>` : `[${word}]`;
}

function exampleArgument(name: string, field: Field): string {
  if (field.kind === "file") return "photo.png";
  return name === "prompt" ? '"a lighthouse at dusk"' : String(field.example ?? "");
}

/** A working command line for the operation: its arguments and every required flag, with example values. */
export function exampleLine(command: OperationCommand): string {
  const parts = ["ideokit", ...command.words];
  for (const { name, field } of command.positional)
    if (field.required) parts.push(exampleArgument(name, field));
  for (const { name, field } of command.flags) {
    if (!field.required) continue;
    const flag = `--${flagName(name)}`;
    if (field.kind === "file" || field.kind === "file-list")
      parts.push(flag, `${name.replace(/_images?$/, "")}.png`);
    else if (field.kind === "enum") parts.push(flag, displayValue(field.values?.[0] ?? ""));
    else if (field.kind === "boolean") parts.push(flag);
    else parts.push(flag, String(field.example ?? ""));
  }
  return parts.join(" ");
}
