import { describeValue } from "../describe-value.ts";
import type { ValidationIssue } from "../issues.ts";

// The inverse of the encoders (encode.ts): a body as it arrives on the wire, read back into the
// flat input an operation's `check` takes. A proxy (the edge worker) and the emulator both read
// client bodies this way, so it lives here, beside the encoders it undoes.

/** What reading a body needs of an operation: its fields and the envelope its non-file fields travel in. */
export interface WireShape {
  /** Each field's kind (and whether it is required) by wire name: all that decoding a body reads. */
  readonly fields: Readonly<Record<string, { readonly kind: string; readonly required?: boolean }>>;
  readonly envelope?: string;
}

/** A body read into an operation's flat input; `input` is undefined when the envelope itself is wrong (then `issues` say why). */
export interface WireInput {
  input: Record<string, unknown> | undefined;
  issues: ValidationIssue[];
}

/** The body types an operation takes: a `multipart/form-data` one when it has file fields, JSON unless a file is required. */
export type BodyKind = "json" | "multipart";

const isFileKind = (kind: string | undefined): boolean => kind === "file" || kind === "file-list";

/** Which {@link BodyKind}s `operation` takes, JSON first when it takes both. */
export function bodyKindsOf(operation: WireShape): BodyKind[] {
  const files = Object.values(operation.fields).filter((field) => isFileKind(field.kind));
  const kinds: BodyKind[] = [];
  if (!files.some((field) => field.required)) kinds.push("json");
  if (files.length > 0) kinds.push("multipart");
  return kinds;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * A parsed JSON body as the operation's input: the body itself, or what its envelope holds
 * (`{ image_request: { … } }`), with an issue for a missing envelope and for any key beside it.
 */
export function inputFromJson(operation: WireShape, body: unknown): WireInput {
  const { envelope } = operation;
  if (!isRecord(body)) {
    const message = `must be an object, got ${describeValue(body)}`;
    return { input: undefined, issues: [{ path: [], code: "invalid_type", message }] };
  }
  if (envelope === undefined) return { input: body, issues: [] };
  const issues: ValidationIssue[] = [];
  const inner = body[envelope];
  if (inner === undefined)
    issues.push({ path: [envelope], code: "required", message: "required; an object" });
  else if (!isRecord(inner)) {
    const message = `must be an object, got ${describeValue(inner)}`;
    issues.push({ path: [envelope], code: "invalid_type", message });
  }
  for (const key of Object.keys(body)) {
    if (key !== envelope) {
      const message = `unknown field. Known fields: ${envelope}`;
      issues.push({ path: [key], code: "unknown_key", message });
    }
  }
  return { input: isRecord(inner) ? inner : undefined, issues };
}

/** A text part as the field's kind reads it; text that does not read so is passed on as is, for `check` to name. */
function fromText(text: string, kind: string | undefined): unknown {
  if ((kind === "integer" || kind === "number") && /^\s*-?\d+(?:\.\d+)?(?:e[+-]?\d+)?\s*$/i.test(text)) {
    return Number(text);
  }
  if (kind === "boolean" && (text === "true" || text === "false")) return text === "true";
  if (kind === "palette") return parseJson(text) ?? text;
  return text;
}

/** A field's value from its parts: lists as every part, anything else as its one part (several stay a list, for `check` to refuse). */
function fromParts(parts: (File | string)[], kind: string | undefined): unknown {
  if (kind === "file-list" || kind === "string-list") return parts;
  const values = parts.map((part) =>
    typeof part === "string" && !isFileKind(kind) ? fromText(part, kind) : part,
  );
  return values.length === 1 ? values[0] : values;
}

/**
 * A `multipart/form-data` body as the operation's input, as the encoders wrote it: numbers and
 * booleans from their text, lists from repeated parts, a palette (or the envelope part, on legacy
 * remix and upscale) from JSON text, files as the form's `File`s (their bytes are not copied).
 */
export function inputFromForm(operation: WireShape, form: FormData): WireInput {
  const { envelope, fields } = operation;
  const input: Record<string, unknown> = {};
  const issues: ValidationIssue[] = [];
  let envelopeOk = envelope === undefined;
  for (const key of new Set(form.keys())) {
    const parts = form.getAll(key);
    if (key !== envelope) {
      input[key] = fromParts(parts, fields[key]?.kind);
      continue;
    }
    const inner = parts.length === 1 && typeof parts[0] === "string" ? parseJson(parts[0]) : undefined;
    envelopeOk = isRecord(inner);
    if (isRecord(inner)) Object.assign(input, inner);
    else issues.push({ path: [key], code: "invalid_json", message: "expected one part of JSON object text" });
  }
  if (envelope !== undefined && !form.has(envelope)) {
    issues.push({ path: [envelope], code: "required", message: "expected a part of JSON object text" });
  }
  return { input: envelopeOk ? input : undefined, issues };
}
