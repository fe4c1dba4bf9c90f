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
  patternMessage,
  stringMessage,
} from "../messages.ts";
import { numberIssueCode, type Path } from "./check-support.ts";
import type { Field } from "./field.ts";
import { checkPalette } from "./palette-check.ts";

// How each field kind is checked. Each factory in field.ts attaches its kind's check, so a bundle
// carries only the checks of the kinds its operations use (no file code for the legacy generate).

type Issues = ValidationIssue[];

/** Appends the problems of one present value of `field` at `path`. */
export type KindCheck = (field: Field, value: unknown, path: Path, issues: Issues) => void;

function inRange(field: Field, value: unknown, path: Path, issues: Issues, integer: boolean): void {
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

/** An integer in the field's range. */
export const checkInteger: KindCheck = (field, value, path, issues) =>
  inRange(field, value, path, issues, true);

/** A finite number in the field's range. */
export const checkDecimal: KindCheck = (field, value, path, issues) =>
  inRange(field, value, path, issues, false);

/** A string, not blank when so marked, matching the field's pattern when it has one. */
export const checkString: KindCheck = (field, value, path, issues) => {
  if (typeof value !== "string") {
    issues.push({ path, code: "invalid_type", message: stringMessage(field.label ?? "", value) });
  } else if (field.notBlank && value.trim() === "") {
    issues.push({ path, code: "blank", message: BLANK_MESSAGE });
  } else if (field.pattern && !field.pattern.test(value)) {
    issues.push({ path, code: "invalid_format", message: patternMessage(field.patternHint ?? "", value) });
  }
};

/** `true` or `false`. */
export const checkBoolean: KindCheck = (_field, value, path, issues) => {
  if (typeof value !== "boolean") issues.push({ path, code: "invalid_type", message: booleanMessage(value) });
};

/** One of the field's values, with a "did you mean" hint. */
export const checkEnum: KindCheck = (field, value, path, issues) => {
  const values = field.values ?? [];
  if (!values.includes(value as string)) {
    const message = enumMessage(field.label ?? "value", values, field.listName ?? "", value);
    issues.push({ path, code: "invalid_enum", message });
  }
};

/** A colour palette (see palette-check.ts). */
export const checkPaletteValue: KindCheck = (_field, value, path, issues) =>
  checkPalette(value, path, issues);

function checkList(field: Field, value: unknown, path: Path, issues: Issues, item: KindCheck): void {
  if (!Array.isArray(value)) {
    issues.push({ path, code: "invalid_type", message: listMessage(field.kind, value) });
    return;
  }
  const min = field.min ?? 0;
  const max = field.max ?? Number.POSITIVE_INFINITY;
  if (value.length < min || value.length > max) {
    const code = value.length < min ? "too_small" : "too_big";
    issues.push({ path, code, message: countMessage(min, max, value.length) });
  }
  for (let index = 0; index < value.length; index++) item(field, value[index], [...path, index], issues);
}

/** A list of strings, each checked like a string field. */
export const checkStringList: KindCheck = (field, value, path, issues) =>
  checkList(field, value, path, issues, checkString);

/** A {@link FileInput}; its bytes are checked later, by `checkFiles`. */
export const checkFile: KindCheck = (_field, value, path, issues) => {
  if (!isFileInput(value)) issues.push({ path, code: "invalid_type", message: fileMessage(value) });
};

/** A list of files within the field's count. */
export const checkFileList: KindCheck = (field, value, path, issues) =>
  checkList(field, value, path, issues, checkFile);
