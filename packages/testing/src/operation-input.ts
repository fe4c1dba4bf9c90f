import type { ValidationIssue } from "@ideokit/core";
import type { Context } from "hono";
import { type EmulatedField, type EmulatedOperation, isFileField } from "./emulated-operation.ts";

/**
 * A request body read into core's input shape, or why it could not be read at all. `input` is
 * undefined when the envelope itself is wrong: then `issues` say so and there is nothing to check.
 */
export type ReadInput =
  | { ok: true; input: Record<string, unknown> | undefined; issues: ValidationIssue[] }
  | { ok: false; detail: string };

/**
 * Reads an operation's body into the flat input core's `check` takes, as the service's parsers
 * would: `multipart/form-data` parts by each field's kind (numbers and booleans from their text,
 * lists from repeated parts, a palette or the envelope from JSON text, files as `Blob`s), anything
 * else as JSON. Envelope problems (no `image_request` object, unknown top-level keys) come back as
 * issues for the 400 answer, beside core's.
 */
export async function readOperationInput(
  c: Context,
  operation: EmulatedOperation,
  rejectUnknownKeys: boolean,
): Promise<ReadInput> {
  if (/^multipart\/form-data\b/i.test(c.req.header("content-type") ?? "")) {
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch {
      return { ok: false, detail: "Request body is not valid multipart/form-data" };
    }
    return { ok: true, ...fromForm(form, operation) };
  }
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    return { ok: false, detail: "Request body is not valid JSON" };
  }
  if (operation.envelope === undefined) {
    if (isRecord(body)) return { ok: true, input: body, issues: [] };
    return { ok: false, detail: "Request body must be a JSON object" };
  }
  return { ok: true, ...fromEnvelope(body, operation.envelope, rejectUnknownKeys) };
}

function fromEnvelope(body: unknown, envelope: string, rejectUnknownKeys: boolean) {
  const issues: ValidationIssue[] = [];
  if (!isRecord(body)) {
    issues.push({ path: [], code: "invalid_type", message: `expected an object with ${envelope}` });
    return { input: undefined, issues };
  }
  const inner = body[envelope];
  if (!isRecord(inner)) {
    const code = inner === undefined ? "required" : "invalid_type";
    issues.push({ path: [envelope], code, message: `expected an object with the request's fields` });
  }
  if (rejectUnknownKeys) {
    for (const key of Object.keys(body)) {
      if (key !== envelope) issues.push({ path: [key], code: "unknown_key", message: "unknown field" });
    }
  }
  return { input: isRecord(inner) ? inner : undefined, issues };
}

function fromForm(form: FormData, operation: EmulatedOperation) {
  const input: Record<string, unknown> = {};
  const issues: ValidationIssue[] = [];
  let envelopeOk = operation.envelope === undefined;
  for (const key of new Set(form.keys())) {
    const parts = form.getAll(key);
    if (key === operation.envelope) {
      const inner = typeof parts[0] === "string" && parts.length === 1 ? parseJson(parts[0]) : undefined;
      envelopeOk = isRecord(inner);
      if (isRecord(inner)) Object.assign(input, inner);
      else
        issues.push({ path: [key], code: "invalid_json", message: "expected one part of JSON object text" });
      continue;
    }
    input[key] = decodeParts(parts, operation.fields[key]);
  }
  if (operation.envelope !== undefined && !form.has(operation.envelope)) {
    issues.push({
      path: [operation.envelope],
      code: "required",
      message: "expected a part of JSON object text",
    });
  }
  return { input: envelopeOk ? input : undefined, issues };
}

/** A field's value from its parts; a part that does not read as the field's kind is passed on as is, for core to name. */
function decodeParts(parts: FormDataEntryValue[], field: EmulatedField | undefined): unknown {
  const kind = field?.kind;
  if (kind === "file-list" || kind === "string-list") return parts;
  const values = parts.map((part) =>
    typeof part === "string" && !isFileField(field) ? fromText(part, kind) : part,
  );
  return values.length === 1 ? values[0] : values;
}

function fromText(text: string, kind: string | undefined): unknown {
  if ((kind === "integer" || kind === "number") && /^\s*-?\d+(?:\.\d+)?(?:e[+-]?\d+)?\s*$/i.test(text)) {
    return Number(text);
  }
  if (kind === "boolean" && (text === "true" || text === "false")) return text === "true";
  if (kind === "palette" || kind === "json-object") return parseJson(text) ?? text;
  return text;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
