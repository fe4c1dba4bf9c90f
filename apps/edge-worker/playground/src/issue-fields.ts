import { APIError, RequestValidationError } from "@ideokit/core";

/** Where a problem is in the request, as core and the worker report it. */
export type IssuePath = readonly (string | number)[];

/** One problem with the request: its path and a message a person can act on. */
export interface Issue {
  path: IssuePath;
  message: string;
}

/** The form's label of each field it has a control for, by wire name (the control's id). */
export type FieldLabels = Readonly<Record<string, string>>;

/** Id of the control that holds a palette member's hex colour. */
export function memberHexId(index: number): string {
  return `palette-${index}-hex`;
}

/** Id of the control that holds a palette member's weight. */
export function memberWeightId(index: number): string {
  return `palette-${index}-weight`;
}

/** Id of the preset select, which holds `color_palette.name`. */
export const PRESET_FIELD_ID = "palette_preset";

/**
 * The id of the form control an issue is about (`image_request.seed` → "seed",
 * `color_palette.members[1].color_hex` → "palette-1-hex"), or undefined for the banner.
 */
export function fieldForIssue(path: IssuePath, labels: FieldLabels): string | undefined {
  const [field, ...rest] = path[0] === "image_request" ? path.slice(1) : path;
  if (typeof field !== "string" || !Object.hasOwn(labels, field)) return undefined;
  return field === "color_palette" ? paletteField(rest) : field;
}

function paletteField([key, index, memberKey]: IssuePath): string {
  if (key === "name") return PRESET_FIELD_ID;
  if (key !== "members" || typeof index !== "number") return "color_palette";
  return memberKey === "color_weight" ? memberWeightId(index) : memberHexId(index);
}

/** The element that shows a control's error: each palette member row has one for both its inputs. */
export function errorSlotId(fieldId: string): string {
  const member = /^palette-(\d+)-/.exec(fieldId);
  return member === null ? `${fieldId}-error` : `palette-${member[1]}-error`;
}

/** Reads a path given as an array or as text like `image_request.color_palette.members[0].color_hex`. */
export function parseIssuePath(path: unknown): IssuePath {
  if (Array.isArray(path))
    return path.map((segment) => (typeof segment === "number" ? segment : String(segment)));
  if (typeof path !== "string") return [];
  return (path.match(/[^.[\]]+/g) ?? []).map((segment) =>
    /^\d+$/.test(segment) ? Number(segment) : segment,
  );
}

/**
 * The field-level issues an error carries: core's RequestValidationError (checked in the page) or
 * the worker's 400 `{ error: { type: "invalid_request", issues } }`. Undefined for any other error.
 */
export function issuesOf(error: unknown): Issue[] | undefined {
  if (error instanceof RequestValidationError) return error.issues;
  if (!(error instanceof APIError) || error.status !== 400) return undefined;
  const issues = (error.body as { error?: { issues?: unknown } } | null)?.error?.issues;
  if (!Array.isArray(issues)) return undefined;
  return issues.map((issue: { path?: unknown; message?: unknown } | null) => ({
    path: parseIssuePath(issue?.path),
    message: String(issue?.message ?? "is invalid"),
  }));
}

/** Core's message with every wire name it quotes ("not together with resolution") in the form's words. */
export function withLabels(message: string, labels: FieldLabels): string {
  // Only snake_case words: one-word names ("image", "seed") are also plain words in a sentence.
  return message.replace(/\b[a-z]+(?:_[a-z0-9]+)+\b/g, (word) =>
    Object.hasOwn(labels, word) ? `“${labels[word]}”` : word,
  );
}

/**
 * The sentence shown in a control's error slot, from core's message ("must not be blank" → "Must not
 * be blank."), API names replaced by the form's labels; palette rows share one slot, so theirs name
 * the input ("Weight must be …").
 */
export function fieldMessage(fieldId: string, message: string, labels: FieldLabels = {}): string {
  const input = /^palette-\d+-(hex|weight)$/.exec(fieldId)?.[1];
  const labelled = withLabels(message, labels);
  const text = input === undefined ? labelled : `${input === "hex" ? "colour" : "weight"} ${labelled}`;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? "" : "."}`;
}
