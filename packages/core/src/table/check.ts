import type { ValidationIssue } from "../issues.ts";
import { objectMessage, requiredMessage } from "../messages.ts";
import { isRecord, type Path, unknownKeys } from "./check-support.ts";
import type { Field, Fields } from "./field.ts";
import type { Rules } from "./rules.ts";

// The one runtime checker: it walks an operation's fields and rules (data), so every operation
// is checked by the same few lines. No zod on this path: it is the hot path and the small one.

type Issues = ValidationIssue[];

const NONE: readonly never[] = [];

/** Appends the problems of the cross-field rules; only fields that are present are judged. */
export function checkRules(
  shape: CheckedShape,
  input: Record<string, unknown>,
  path: Path,
  issues: Issues,
): void {
  const { fields, rules } = shape;
  for (const [first, second] of rules.exclusive ?? NONE) {
    if (input[first] !== undefined && input[second] !== undefined) {
      const message = `cannot be combined with ${first}; send only one of them`;
      issues.push({ path: [...path, second], code: "conflict", message });
    }
  }
  shape.moreRules?.(shape, input, path, issues);
  const modelRule = rules.model;
  if (modelRule === undefined) return;
  const model = input[modelRule.field] ?? modelRule.default;
  // While the model itself is invalid, its issue is the one to fix first.
  if (!(fields[modelRule.field]?.values ?? NONE).includes(model as never)) return;
  for (const name of shape.modelFields) {
    const supported = fields[name]?.models ?? NONE;
    if (input[name] !== undefined && !supported.includes(model as never)) {
      const message = `not supported by model "${model}"; remove it or use ${supported.join(", ")}`;
      issues.push({ path: [...path, name], code: "unsupported_by_model", message });
    }
  }
}

/** Checks the rules only some entries have, after `exclusive` and before the model's fields. */
export type RuleCheck = (
  shape: CheckedShape,
  input: Record<string, unknown>,
  path: Path,
  issues: Issues,
) => void;

/**
 * The rules `atLeastOne`, `sameCount` and `model.only`, which only a few endpoints with files
 * have: those entries pass it as `moreRules`, so the other operations' bundles leave it out.
 */
export const checkMoreRules: RuleCheck = (shape, input, path, issues) => {
  const { fields, rules } = shape;
  for (const group of rules.atLeastOne ?? NONE) {
    if (group.every((name) => input[name] === undefined)) {
      const message = `required; send ${group.join(" or ")}`;
      issues.push({ path: [...path, group[0] as string], code: "required", message });
    }
  }
  for (const [list, other] of rules.sameCount ?? NONE) {
    const items = input[list];
    const others = input[other];
    if (Array.isArray(items) && (!Array.isArray(others) || others.length !== items.length)) {
      const count = Array.isArray(others) ? others.length : 0;
      const message = `must hold one item per ${other} item (${count}), got ${items.length}`;
      issues.push({ path: [...path, list], code: "conflict", message });
    }
  }
  const modelRule = rules.model;
  const only = modelRule?.only;
  if (modelRule === undefined || only === undefined) return;
  const model = input[modelRule.field] ?? modelRule.default;
  // While the model itself is invalid, its issue is the one to fix first.
  if ((fields[modelRule.field]?.values ?? NONE).includes(model as never) && !only.includes(model as never)) {
    const message = `"${model}" is not available on this endpoint; use ${only.join(" or ")}`;
    issues.push({ path: [...path, modelRule.field], code: "unsupported_by_model", message });
  }
};

/** What {@link checkInput} needs of an operation, worked out once when it is defined. */
export interface CheckedShape {
  readonly fields: Fields;
  readonly rules: Rules;
  readonly fieldNames: readonly string[];
  /** The fields only some models accept, in table order. */
  readonly modelFields: readonly string[];
  /** {@link checkMoreRules} for the entries whose rules need it. */
  readonly moreRules: RuleCheck | undefined;
}

/** The {@link CheckedShape} of a table entry. */
export function checkedShape(fields: Fields, rules: Rules, moreRules?: RuleCheck): CheckedShape {
  const fieldNames = Object.keys(fields);
  const modelFields = fieldNames.filter((name) => fields[name]?.models !== undefined);
  return { fields, rules, fieldNames, modelFields, moreRules };
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
  const { fields, fieldNames } = shape;
  for (let index = 0; index < fieldNames.length; index++) {
    const name = fieldNames[index] as string;
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
  checkRules(shape, input, path, issues);
}
