import { type FileInput, toBlobPart } from "../files/input.ts";
import type { Fields } from "./field.ts";

/** What an encoder needs of an operation. */
export interface EncodedShape {
  readonly fields: Fields;
  /** The JSON object the non-file fields travel in (`image_request` on legacy generate, remix, upscale). */
  readonly envelope?: string;
}

/** Turns a checked input into a request body: JSON text or a `FormData` with `Blob` parts. */
export type Encoder = (shape: EncodedShape, input: Readonly<Record<string, unknown>>) => string | FormData;

function isFileField(shape: EncodedShape, name: string): boolean {
  const kind = shape.fields[name]?.kind;
  return kind === "file" || kind === "file-list";
}

/** A JSON body: the input itself, or `{ [envelope]: input }`. */
export const jsonBody: Encoder = (shape, input) =>
  JSON.stringify(shape.envelope === undefined ? input : { [shape.envelope]: input });

function appendFile(form: FormData, name: string, value: unknown): void {
  const part = toBlobPart(value as FileInput, name);
  form.append(name, part.blob, part.name);
}

function appendValue(form: FormData, shape: EncodedShape, name: string, value: unknown): void {
  const kind = shape.fields[name]?.kind;
  // The spec's arrays in multipart bodies are repeated parts of the same name.
  if (kind === "file") appendFile(form, name, value);
  else if (kind === "file-list") for (const item of value as unknown[]) appendFile(form, name, item);
  else if (kind === "string-list") for (const item of value as unknown[]) form.append(name, String(item));
  else form.append(name, typeof value === "object" && value !== null ? JSON.stringify(value) : String(value));
}

/**
 * A `multipart/form-data` body: files as `Blob` parts with a file name, lists as repeated parts,
 * objects (a palette) as JSON text, everything else as text; with an envelope, the non-file
 * fields go together into one JSON part of that name (legacy remix and upscale).
 */
export const formBody: Encoder = (shape, input) => {
  const form = new FormData();
  const enveloped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (shape.envelope !== undefined && !isFileField(shape, name)) enveloped[name] = value;
    else appendValue(form, shape, name, value);
  }
  if (shape.envelope !== undefined) form.append(shape.envelope, JSON.stringify(enveloped));
  return form;
};

/** JSON when no file field is set (the spec accepts both there), multipart otherwise. */
export const jsonUnlessFiles: Encoder = (shape, input) => {
  for (const name in input)
    if (input[name] !== undefined && isFileField(shape, name)) return formBody(shape, input);
  return jsonBody(shape, input);
};
