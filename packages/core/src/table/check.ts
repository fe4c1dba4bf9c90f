import type { ValidationIssue } from "../issues.ts";
import { objectMessage, requiredMessage } from "../messages.ts";
import { isRecord, type Path, unknownKeys } from "./check-support.ts";
import type { Field, Fields } from "./field.ts";
import type { Rules } from "./rules.ts";

// The one runtime checker: it walks an operation's fields and rules (data), so every operation
// is checked by the same few lines. No zod on this path: it is the hot path and the small one.

type Issues = ValidationIssue[];

/** Appends the problems of the cross-field rules; only fields that are present are judged. */
export function checkRules(
  fields: Fields,
  rules: Rules,
  input: Record<string, unknown>,
  path: Path,
  issues: Issues,
): void {
  for (const [first, second] of rules.exclusive ?? []) {
    if (input[first] !== undefined && input[second] !== undefined) {
      const message = `cannot be combined with ${first}; send only one of them`;
      issues.push({ path: [...path, second], code: "conflict", message });
    }
  }
  for (const group of rules.atLeastOne ?? []) {
    if (group.every((name) => input[name] === undefined)) {
      const message = `required; send ${group.join(" or ")}`;
      issues.push({ path: [...path, group[0] as string], code: "required", message });
    }
  }
  for (const [list, other] of rules.sameCount ?? []) {
    const items = input[list];
    const others = input[other];
    if (Array.isArray(items) && (!Array.isArray(others) || others.length !== items.length)) {
      const count = Array.isArray(others) ? others.length : 0;
      const message = `must hold one item per ${other} item (${count}), got ${items.length}`;
      issues.push({ path: [...path, list], code: "conflict", message });
    }
  }
  const modelRule = rules.model;
  if (modelRule === undefined) return;
  const model = input[modelRule.field] ?? modelRule.default;
  // While the model itself is invalid, its issue is the one to fix first.
  if (!(fields[modelRule.field]?.values ?? []).includes(model as string)) return;
  for (const name in fields) {
    const supported = fields[name]?.models;
    if (supported !== undefined && input[name] !== undefined && !supported.includes(model as never)) {
      const message = `not supported by model "${model}"; remove it or use ${supported.join(", ")}`;
      issues.push({ path: [...path, name], code: "unsupported_by_model", message });
    }
  }
}

/** What {@link checkInput} needs of an operation. */
export interface CheckedShape {
  readonly fields: Fields;
  readonly rules: Rules;
  readonly fieldNames: readonly string[];
}

/**
 * Appends every problem of `input` at `path` to `issues`: each field's type, range, enum and
 * pattern, then unknown keys (unless passed through), then the cross-field rules.
 */
export function checkInput(
  shape: CheckedShape,
  input: unknown,
  path: Path,
  rejectUnknownKeys: boolean,
  issues: Issues,
): void {
  if (!isRecord(input)) {
    const code = input === undefined ? "required" : "invalid_type";
    issues.push({ path, code, message: objectMessage(input) });
    return;
  }
  const { fields } = shape;
  for (const name in fields) {
    const field = fields[name] as Field;
    const value = input[name];
    if (value === undefined || (value === null && field.nullable)) {
      if (field.required)
        issues.push({ path: [...path, name], code: "required", message: requiredMessage(field) });
    } else {
      field.check(field, value, [...path, name], issues);
    }
  }
  if (rejectUnknownKeys) unknownKeys(input, shape.fieldNames, path, issues);
  checkRules(fields, shape.rules, input, path, issues);
}
