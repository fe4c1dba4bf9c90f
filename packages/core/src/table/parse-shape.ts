import type { ValidationIssue } from "../issues.ts";
import { expectedMessage } from "../messages.ts";
import { isRecord, type Path } from "./check-support.ts";
import type { Prop, Shape } from "./shape.ts";

type Issues = ValidationIssue[];

/** The url rule of image objects: a safe image must come with a URL. */
export function isMissingSafeUrl(image: Readonly<Record<string, unknown>>): boolean {
  return image.is_image_safe !== false && (typeof image.url !== "string" || image.url === "");
}

/** The message for {@link isMissingSafeUrl}. */
export const MISSING_SAFE_URL_MESSAGE =
  "missing although is_image_safe is not false; a safe image must have a URL";

function hasKind(value: unknown, prop: Prop): boolean {
  switch (prop.kind) {
    case "nullable-string":
      return value === null || typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "list":
      return Array.isArray(value);
    case "nullable-list":
      return value === null || Array.isArray(value);
    default:
      return typeof value === prop.kind;
  }
}

/** Appends every problem of a response object at `path` to `issues`. */
export function checkShape(shape: Shape, value: unknown, path: Path, issues: Issues): void {
  if (!isRecord(value)) {
    issues.push({ path, code: "invalid_type", message: expectedMessage(shape.what, value) });
    return;
  }
  for (const name in shape.props) {
    const prop = shape.props[name] as Prop;
    const item = value[name];
    if (item === undefined) {
      if (prop.required)
        issues.push({ path: [...path, name], code: "required", message: expectedMessage(prop.what, item) });
    } else if (!hasKind(item, prop)) {
      issues.push({ path: [...path, name], code: "invalid_type", message: expectedMessage(prop.what, item) });
    } else if (prop.items !== undefined) {
      const list = item as unknown[];
      for (let index = 0; index < list.length; index++)
        checkShape(prop.items, list[index], [...path, name, index], issues);
    }
  }
  const url = value.url;
  if (shape.safeImageUrl && isMissingSafeUrl(value) && (url === undefined || url === null || url === "")) {
    issues.push({ path: [...path, "url"], code: "required", message: MISSING_SAFE_URL_MESSAGE });
  }
}
