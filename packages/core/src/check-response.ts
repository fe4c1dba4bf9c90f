import type { ValidationIssue } from "./issues.ts";
import { expectedMessage } from "./messages.ts";

// The hand-written twin of GenerateResponseSchema, for the same reasons as check-request.ts.

type Path = (string | number)[];
type Issues = ValidationIssue[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

type Kind = "string" | "nullable string" | "number" | "boolean";

/** Documented image fields and what each may hold when present; anything else is kept as is. */
export const IMAGE_OBJECT_FIELD_KINDS: Readonly<Record<string, readonly [Kind, string]>> = {
  url: ["nullable string", "a URL string or null"],
  prompt: ["string", "a string"],
  resolution: ["string", 'a resolution like "1024x1024"'],
  upscaled_resolution: ["string", 'a resolution like "4096x4096"'],
  seed: ["number", "a number"],
  is_image_safe: ["boolean", "a boolean"],
  style_type: ["nullable string", "a style type or null"],
};

function hasKind(value: unknown, kind: Kind): boolean {
  if (kind === "nullable string") return value === null || typeof value === "string";
  if (kind === "number") return typeof value === "number" && Number.isFinite(value);
  return typeof value === kind;
}

/** The url rule both twins share: a safe image must come with a URL. */
export function isMissingSafeUrl(image: Readonly<Record<string, unknown>>): boolean {
  return image.is_image_safe !== false && (typeof image.url !== "string" || image.url === "");
}

/** The message for {@link isMissingSafeUrl}. */
export const MISSING_SAFE_URL_MESSAGE =
  "missing although is_image_safe is not false; a safe image must have a URL";

function checkImage(image: unknown, path: Path, issues: Issues): void {
  if (!isRecord(image)) {
    issues.push({ path, code: "invalid_type", message: expectedMessage("an image object", image) });
    return;
  }
  for (const field in IMAGE_OBJECT_FIELD_KINDS) {
    const value = image[field];
    const [kind, description] = IMAGE_OBJECT_FIELD_KINDS[field] as readonly [Kind, string];
    if (value !== undefined && !hasKind(value, kind)) {
      issues.push({
        path: [...path, field],
        code: "invalid_type",
        message: expectedMessage(description, value),
      });
    }
  }
  if (isMissingSafeUrl(image) && (image.url === undefined || image.url === null || image.url === "")) {
    issues.push({ path: [...path, "url"], code: "required", message: MISSING_SAFE_URL_MESSAGE });
  }
}

/** Appends every problem of a `/generate` 200 body to `issues`. */
export function checkGenerateResponse(input: unknown, issues: Issues): void {
  if (!isRecord(input)) {
    issues.push({ path: [], code: "invalid_type", message: expectedMessage("a JSON object", input) });
    return;
  }
  if (typeof input.created !== "string") {
    const code = input.created === undefined ? "required" : "invalid_type";
    issues.push({ path: ["created"], code, message: expectedMessage("a date-time string", input.created) });
  }
  const data = input.data;
  if (!Array.isArray(data)) {
    const code = data === undefined ? "required" : "invalid_type";
    issues.push({ path: ["data"], code, message: expectedMessage("an array of images", data) });
    return;
  }
  for (let index = 0; index < data.length; index++) checkImage(data[index], ["data", index], issues);
}
