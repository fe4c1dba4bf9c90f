import { isFileInput } from "../files/input.ts";
import type { ValidationIssue } from "../issues.ts";
import {
  BLANK_MESSAGE,
  booleanMessage,
  countMessage,
  enumMessage,
  fileMessage,
  integerRangeMessage,
  listMessage,
  numberRangeMessage,
  objectMessage,
  patternMessage,
  requiredMessage,
  stringMessage,
} from "../messages.ts";
import { isRecord, numberIssueCode, type Path, unknownKeys } from "./check-support.ts";
import type { Field, Fields } from "./field.ts";
import { checkPalette } from "./palette-check.ts";
import type { Rules } from "./rules.ts";

// The one runtime checker: it walks an operation's fields and rules (data), so every operation
// is checked by the same few lines. No zod on this path: it is the hot path and the small one.

type Issues = ValidationIssue[];

function checkNumber(field: Field, value: unknown, path: Path, issues: Issues, integer: boolean): void {
  const min = field.min ?? Number.NEGATIVE_INFINITY;
  const max = field.max ?? Number.POSITIVE_INFINITY;
  const ok =
    typeof value === "number" &&
    Number.isFinite(value) &&
    (!integer || Number.isInteger(value)) &&
    value >= min &&
    value <= max;
  if (ok) return;
  const message = integer ? integerRangeMessage(min, max, value) : numberRangeMessage(min, max, value);
  issues.push({ path, code: numberIssueCode(value, min, integer), message });
}

function checkString(field: Field, value: unknown, path: Path, issues: Issues): void {
  if (typeof value !== "string") {
    issues.push({ path, code: "invalid_type", message: stringMessage(field.label ?? "", value) });
  } else if (field.notBlank && value.trim() === "") {
    issues.push({ path, code: "blank", message: BLANK_MESSAGE });
  } else if (field.pattern && !field.pattern.test(value)) {
    issues.push({ path, code: "invalid_format", message: patternMessage(field.patternHint ?? "", value) });
  }
}

function checkCount(field: Field, list: readonly unknown[], path: Path, issues: Issues): void {
  const min = field.min ?? 0;
  const max = field.max ?? Number.POSITIVE_INFINITY;
  if (list.length < min || list.length > max) {
    const code = list.length < min ? "too_small" : "too_big";
    issues.push({ path, code, message: countMessage(min, max, list.length) });
  }
}

function checkList(
  field: Field,
  value: unknown,
  path: Path,
  issues: Issues,
  checkItem: (item: unknown, path: Path) => void,
): void {
  if (!Array.isArray(value)) {
    issues.push({ path, code: "invalid_type", message: listMessage(field.kind, value) });
    return;
  }
  checkCount(field, value, path, issues);
  for (let index = 0; index < value.length; index++) checkItem(value[index], [...path, index]);
}

function checkFile(value: unknown, path: Path, issues: Issues): void {
  if (!isFileInput(value)) issues.push({ path, code: "invalid_type", message: fileMessage(value) });
}

/** Appends the problems of one present field value. */
function checkValue(field: Field, value: unknown, path: Path, issues: Issues): void {
  switch (field.kind) {
    case "string":
      return checkString(field, value, path, issues);
    case "integer":
    case "number":
      return checkNumber(field, value, path, issues, field.kind === "integer");
    case "boolean":
      if (typeof value !== "boolean")
        issues.push({ path, code: "invalid_type", message: booleanMessage(value) });
      return;
    case "enum": {
      const values = field.values ?? [];
      if (!values.includes(value as string)) {
        const message = enumMessage(field.label ?? "value", values, field.listName ?? "", value);
        issues.push({ path, code: "invalid_enum", message });
      }
      return;
    }
    case "string-list":
      return checkList(field, value, path, issues, (item, itemPath) =>
        checkString(field, item, itemPath, issues),
      );
    case "palette":
      return checkPalette(value, path, issues);
    case "file":
      return checkFile(value, path, issues);
    case "file-list":
      return checkList(field, value, path, issues, (item, itemPath) => checkFile(item, itemPath, issues));
  }
}

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
      checkValue(field, value, [...path, name], issues);
    }
  }
  if (rejectUnknownKeys) unknownKeys(input, shape.fieldNames, path, issues);
  checkRules(fields, shape.rules, input, path, issues);
}
