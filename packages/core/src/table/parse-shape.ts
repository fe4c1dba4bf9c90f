import type { ValidationIssue } from "../issues.ts";
import { expectedMessage } from "../messages.ts";
import { isRecord, type Path } from "./check-support.ts";
import type { PropKind, Shape } from "./shape.ts";

type Issues = ValidationIssue[];

/** The url rule of image objects: a safe image must come with a URL. */
export function isMissingSafeUrl(image: Readonly<Record<string, unknown>>): boolean {
  return image.is_image_safe !== false && (typeof image.url !== "string" || image.url === "");
}

/** The message for {@link isMissingSafeUrl}. */
export const MISSING_SAFE_URL_MESSAGE =
  "missing although is_image_safe is not false; a safe image must have a URL";

interface CompiledProp {
  readonly name: string;
  readonly kind: PropKind;
  readonly what: string;
  readonly required: boolean;
  readonly items: CompiledShape | undefined;
}

/** A {@link Shape} as the parser walks it: props in an array, each of one object shape (fast to read). */
export interface CompiledShape {
  readonly what: string;
  readonly props: readonly CompiledProp[];
  readonly safeImageUrl: boolean;
}

/** Compiles a response shape once, when its operation is defined. */
export function compileShape(shape: Shape): CompiledShape {
  const props = Object.entries(shape.props).map(([name, prop]) => ({
    name,
    kind: prop.kind,
    what: prop.what,
    required: prop.required ?? false,
    items: prop.items === undefined ? undefined : compileShape(prop.items),
  }));
  return { what: shape.what, props, safeImageUrl: shape.safeImageUrl ?? false };
}

function hasKind(value: unknown, kind: PropKind): boolean {
  switch (kind) {
    case "nullable-string":
      return value === null || typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "list":
      return Array.isArray(value);
    case "nullable-list":
      return value === null || Array.isArray(value);
    default:
      return typeof value === kind;
  }
}

/** Appends every problem of a response object at `path` to `issues`. */
export function checkShape(shape: CompiledShape, value: unknown, path: Path, issues: Issues): void {
  if (!isRecord(value)) {
    issues.push({ path, code: "invalid_type", message: expectedMessage(shape.what, value) });
    return;
  }
  for (const prop of shape.props) {
    const item = value[prop.name];
    if (item === undefined) {
      if (prop.required) {
        issues.push({
          path: [...path, prop.name],
          code: "required",
          message: expectedMessage(prop.what, item),
        });
      }
    } else if (!hasKind(item, prop.kind)) {
      issues.push({
        path: [...path, prop.name],
        code: "invalid_type",
        message: expectedMessage(prop.what, item),
      });
    } else if (prop.items !== undefined) {
      const list = item as unknown[];
      for (let index = 0; index < list.length; index++) {
        checkShape(prop.items, list[index], [...path, prop.name, index], issues);
      }
    }
  }
  const url = value.url;
  if (shape.safeImageUrl && isMissingSafeUrl(value) && (url === undefined || url === null || url === "")) {
    issues.push({ path: [...path, "url"], code: "required", message: MISSING_SAFE_URL_MESSAGE });
  }
}
