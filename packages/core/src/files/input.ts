import { extensionOf, formatOfMime, mimeOf, SNIFF_BYTES, sniffFileType } from "./formats.ts";

/** The bytes of a file with the name and content type to send it under (both optional). */
export interface NamedFileInput {
  data: Blob | Uint8Array | ArrayBuffer;
  name?: string;
  type?: string;
}

/** Anything a file field accepts: a `Blob` (a `File` keeps its name), bytes, or bytes with a name and type. */
export type FileInput = Blob | Uint8Array | ArrayBuffer | NamedFileInput;

const isBlob = (value: unknown): value is Blob => typeof Blob !== "undefined" && value instanceof Blob;
const isBytes = (value: unknown): value is Uint8Array | ArrayBuffer =>
  value instanceof Uint8Array || value instanceof ArrayBuffer;
const isOptionalString = (value: unknown): boolean => value === undefined || typeof value === "string";

/** Whether `value` is a {@link FileInput}. */
export function isFileInput(value: unknown): value is FileInput {
  if (isBlob(value) || isBytes(value)) return true;
  if (typeof value !== "object" || value === null || !("data" in value)) return false;
  const { data, name, type } = value as NamedFileInput;
  return (isBlob(data) || isBytes(data)) && isOptionalString(name) && isOptionalString(type);
}

/** The bytes of an input, as a Blob or a view (never copied). */
export function dataOf(input: FileInput): Blob | Uint8Array {
  const data = isBlob(input) || isBytes(input) ? input : input.data;
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

/** The number of bytes of an input. */
export function byteSize(data: Blob | Uint8Array): number {
  return isBlob(data) ? data.size : data.byteLength;
}

/** Bytes `start` to `end` (or fewer at the end of the file); a Blob is read only there, through `slice`. */
export async function readRange(data: Blob | Uint8Array, start: number, end: number): Promise<Uint8Array> {
  if (!isBlob(data)) return data.subarray(start, end);
  return new Uint8Array(await data.slice(start, end).arrayBuffer());
}

function givenName(input: FileInput): string | undefined {
  if (!isBlob(input) && !isBytes(input) && input.name !== undefined) return input.name;
  const data = isBlob(input) || isBytes(input) ? input : input.data;
  // A File is a Blob with a name; testing for the property rather than `File` works where File is missing (Node 18).
  const name = isBlob(data) ? (data as Partial<File>).name : undefined;
  return typeof name === "string" && name !== "" ? name : undefined;
}

/**
 * A `Blob` and a file name for `formData.append(field, blob, name)`. The content type is the
 * input's `type`, else the Blob's own, else (for bytes, which are at hand) sniffed from the magic
 * bytes; a name without an extension gets the type's (`image_file` → `image_file.png`).
 */
export function toBlobPart(input: FileInput, fallbackName: string): { blob: Blob; name: string } {
  const data = dataOf(input);
  const declared = !isBlob(input) && !isBytes(input) ? input.type : undefined;
  const sniffed = isBlob(data) ? undefined : sniffFileType(data.subarray(0, SNIFF_BYTES));
  const type = declared ?? (isBlob(data) && data.type !== "" ? data.type : sniffed ? mimeOf(sniffed) : "");
  // A Blob part's view must be backed by an ArrayBuffer, not a SharedArrayBuffer; the Blob copies the bytes either way.
  const part = isBlob(data) ? data : (data as Uint8Array<ArrayBuffer>);
  const blob = isBlob(data) && data.type === type ? data : new Blob([part], { type });
  const name = givenName(input) ?? fallbackName;
  const format = formatOfMime(type);
  return { blob, name: format && !/\.[^./\\]+$/.test(name) ? `${name}.${extensionOf(format)}` : name };
}
