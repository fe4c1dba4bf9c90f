import { describeValue } from "./describe-value.ts";
import { COLOR_WEIGHT_MAX, COLOR_WEIGHT_MIN, PALETTE_MEMBERS_MAX, PALETTE_MEMBERS_MIN } from "./limits.ts";
import { closestMatch } from "./suggest.ts";

// Messages are built only when a check fails, and read well after "path: ".

const MAX_LISTED_VALUES = 12;

function allowedValues(allowed: readonly string[], listName: string): string {
  if (allowed.length <= MAX_LISTED_VALUES) return allowed.join(", ");
  return `${allowed.length} values from ${allowed[0]} to ${allowed[allowed.length - 1]} (see ${listName})`;
}

/** `"16:9" is not a valid aspect ratio; did you mean "ASPECT_16_9"? Allowed: …` */
export function enumMessage(
  label: string,
  allowed: readonly string[],
  listName: string,
  input: unknown,
): string {
  const suggestion = typeof input === "string" ? closestMatch(input, allowed) : undefined;
  const hint = suggestion === undefined ? "." : `; did you mean "${suggestion}"?`;
  return `${describeValue(input)} is not a valid ${label}${hint} Allowed: ${allowedValues(allowed, listName)}`;
}

/** `must be an integer from 1 to 8, got 9` */
export function integerRangeMessage(min: number, max: number, input: unknown): string {
  return `must be an integer from ${min} to ${max}, got ${describeValue(input)}`;
}

/** `must be a number from 0.05 to 1, got 2` */
export function numberRangeMessage(min: number, max: number, input: unknown): string {
  return `must be a number from ${min} to ${max}, got ${describeValue(input)}`;
}

/** {@link numberRangeMessage} for a palette member's `color_weight`. */
export function colorWeightMessage(input: unknown): string {
  return numberRangeMessage(COLOR_WEIGHT_MIN, COLOR_WEIGHT_MAX, input);
}

/** `must be true or false, got "yes"` */
export function booleanMessage(input: unknown): string {
  return `must be true or false, got ${describeValue(input)}`;
}

/** `must be 8 hexadecimal digits, got "xyz"` */
export function patternMessage(hint: string, input: unknown): string {
  return `must be ${hint}, got ${describeValue(input)}`;
}

/** `must be a list of files, got an object` */
export function listMessage(kind: string, input: unknown): string {
  return `must be a list of ${kind === "file-list" ? "files" : "strings"}, got ${describeValue(input)}`;
}

/** `must hold 1 to 1 items, got 2` / `must hold at most 10 items, got 11` */
export function countMessage(min: number, max: number, count: number): string {
  const range =
    max === Number.POSITIVE_INFINITY ? `at least ${min}` : min === 0 ? `at most ${max}` : `${min} to ${max}`;
  return `must hold ${range} ${max === 1 ? "item" : "items"}, got ${count}`;
}

/** For a file field holding something that is not a file. */
export function fileMessage(input: unknown): string {
  return `must be a file (Blob, File, Uint8Array, ArrayBuffer or { data, name?, type? }), got ${describeValue(input)}`;
}

/** For a required field that is missing: what to send, in the words of its label or description. */
export function requiredMessage(field: {
  kind: string;
  label?: string;
  description: string;
  values?: readonly string[];
  listName?: string;
}): string {
  if (field.kind === "string") return stringMessage(field.label ?? field.description, undefined);
  if (field.kind === "enum")
    return `required; one of ${allowedValues(field.values ?? [], field.listName ?? "")}`;
  return `required; ${field.label ?? field.description}`;
}

/** `required; describe …` for a missing string, `must be a string, got 3` for a wrong type. */
export function stringMessage(purpose: string, input: unknown): string {
  return input === undefined ? `required; ${purpose}` : `must be a string, got ${describeValue(input)}`;
}

/** For a prompt of only whitespace. */
export const BLANK_MESSAGE = "must not be blank";

/** `must be an object, got "text"` */
export function objectMessage(input: unknown): string {
  return input === undefined ? "required; an object" : `must be an object, got ${describeValue(input)}`;
}

/** `must be "#rgb" or "#rrggbb", got "red"` */
export function colorHexMessage(input: unknown): string {
  return input === undefined
    ? 'required; a colour like "#ff8800"'
    : `must be "#rgb" or "#rrggbb", got ${describeValue(input)}`;
}

/** `must list 1 to 8 colours, got 9` */
export function paletteMembersMessage(input: unknown): string {
  const got = Array.isArray(input) ? input.length : describeValue(input);
  return `must list ${PALETTE_MEMBERS_MIN} to ${PALETTE_MEMBERS_MAX} colours, got ${got}`;
}

/** For a colour palette that is not one of the two documented shapes. */
export function paletteShapeMessage(input: unknown): string {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return `must be { name: preset } or { members: [{ color_hex, color_weight? }, …] }, got ${describeValue(input)}`;
  }
  return "name" in input
    ? "set exactly one of name or members, not both"
    : "needs either name (a preset such as PASTEL) or members (1 to 8 colours)";
}

/** `unknown field; did you mean "aspect_ratio"?` */
export function unknownKeyMessage(key: string, known: readonly string[]): string {
  if (key === "image_request" && known.includes("prompt")) {
    return "unknown field; this looks like the { image_request } envelope: pass its contents, or use validateGenerateRequest";
  }
  const suggestion = closestMatch(key, known);
  if (suggestion !== undefined) return `unknown field; did you mean "${suggestion}"?`;
  return `unknown field. Known fields: ${known.join(", ")}`;
}

/** `expected a number, got "1"` (response fields). */
export function expectedMessage(what: string, input: unknown): string {
  return input === undefined ? `missing; expected ${what}` : `expected ${what}, got ${describeValue(input)}`;
}
