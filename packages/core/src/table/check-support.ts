import type { IssueCode, ValidationIssue } from "../issues.ts";
import { unknownKeyMessage } from "../messages.ts";

/** A path into the checked input. */
export type Path = (string | number)[];

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Why `value` is not a number from `min` up (and, when `integer`, not an integer). */
export function numberIssueCode(value: unknown, min: number, integer: boolean): IssueCode {
  if (typeof value !== "number" || !Number.isFinite(value)) return "invalid_type";
  if (integer && !Number.isInteger(value)) return "not_integer";
  return value < min ? "too_small" : "too_big";
}

/** Appends an `unknown_key` issue, with a "did you mean" hint, for each key of `object` not in `known`. */
export function unknownKeys(
  object: Record<string, unknown>,
  known: readonly string[],
  path: Path,
  issues: ValidationIssue[],
): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) {
      issues.push({ path: [...path, key], code: "unknown_key", message: unknownKeyMessage(key, known) });
    }
  }
}
