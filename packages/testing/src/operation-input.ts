import { inputFromForm, inputFromJson, type ValidationIssue } from "@ideokit/core";
import type { Context } from "hono";
import type { EmulatedOperation } from "./emulated-operation.ts";

/**
 * A request body read into core's input shape, or why it could not be read at all. `input` is
 * undefined when the envelope itself is wrong: then `issues` say so and there is nothing to check.
 */
export type ReadInput =
  | { ok: true; input: Record<string, unknown> | undefined; issues: ValidationIssue[] }
  | { ok: false; detail: string };

/**
 * Reads an operation's body into the flat input core's `check` takes, with core's wire decoding
 * (the inverse of its encoders, which the edge worker uses too): `multipart/form-data` by each
 * field's kind, anything else as JSON. Envelope problems come back as issues for the 400 answer;
 * with `rejectUnknownKeys` off, keys beside the envelope are let through, as the passthrough mode does.
 */
export async function readOperationInput(
  c: Context,
  operation: EmulatedOperation,
  rejectUnknownKeys: boolean,
): Promise<ReadInput> {
  let read: ReturnType<typeof inputFromJson>;
  if (/^multipart\/form-data\b/i.test(c.req.header("content-type") ?? "")) {
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch {
      return { ok: false, detail: "Request body is not valid multipart/form-data" };
    }
    read = inputFromForm(operation, form);
  } else {
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      return { ok: false, detail: "Request body is not valid JSON" };
    }
    if (
      operation.envelope === undefined &&
      (typeof body !== "object" || body === null || Array.isArray(body))
    ) {
      return { ok: false, detail: "Request body must be a JSON object" };
    }
    read = inputFromJson(operation, body);
  }
  const issues = rejectUnknownKeys
    ? read.issues
    : read.issues.filter((issue) => !(issue.code === "unknown_key" && issue.path.length === 1));
  return { ok: true, input: read.input, issues };
}
