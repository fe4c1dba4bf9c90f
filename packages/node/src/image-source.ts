import { openAsBlob } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import {
  type FileInput,
  type ImageObject,
  isFileInput,
  MAX_IMAGE_BYTES,
  mimeOf,
  SNIFF_BYTES,
  sniffFileType,
  type ValidationIssue,
} from "@ideokit/core";

/**
 * Anything a file field of a Node call accepts: a file path (streamed from disk when sent), an
 * http(s) URL or `file:` URL, the `ImageObject` of an earlier answer (downloaded, then uploaded),
 * a `Buffer`/`Uint8Array`/`ArrayBuffer`, a `Blob`/`File`, `{ data, name?, type? }`, or a web or
 * Node readable stream (read once, up to the field's size limit).
 */
export type ImageSource =
  | string
  | URL
  | ImageObject
  | FileInput
  | ReadableStream<Uint8Array>
  | NodeJS.ReadableStream;

/** Fetches an image of an earlier answer (the client's `downloadImage`: expiry check, retries). */
export type ImageDownloader = (image: ImageObject | string) => Promise<ReadableStream<Uint8Array>>;

/** What opening a source needs: where downloads go, and when to stop reading a stream. */
export interface OpenSourceContext {
  download: ImageDownloader;
  /** Largest number of bytes read from a stream or download before giving up. */
  maxBytes?: number;
}

/** A source that could not be turned into bytes, as the issue core's checker would have raised. */
export class SourceIssue extends Error {
  readonly code: ValidationIssue["code"];

  constructor(code: ValidationIssue["code"], message: string) {
    super(message);
    this.code = code;
  }
}

const isHttpURL = (text: string): boolean => /^https?:\/\//i.test(text);

function isImageObject(value: unknown): value is ImageObject {
  return typeof value === "object" && value !== null && "url" in value && !isFileInput(value);
}

function isStream(value: unknown): value is ReadableStream<Uint8Array> | NodeJS.ReadableStream {
  return value instanceof ReadableStream || value instanceof Readable;
}

/** Whether `value` needs opening here (a path, URL, earlier image or stream) rather than going to core as it is. */
export function isOpenableSource(value: unknown): boolean {
  return typeof value === "string" || value instanceof URL || isImageObject(value) || isStream(value);
}

/** Whether opening `value` means a download (an http(s) URL or an earlier answer's image). */
export function isRemoteSource(value: unknown): boolean {
  if (typeof value === "string") return isHttpURL(value);
  return (value instanceof URL && isHttpURL(value.href)) || isImageObject(value);
}

/** The content type the first bytes show, so a part is sent as `image/png` rather than `application/octet-stream`. */
function sniffedType(head: Uint8Array): string {
  const format = sniffFileType(head);
  return format === undefined ? "" : mimeOf(format);
}

/**
 * A file on disk as a Blob backed by the file: nothing but its first bytes is read now (for the
 * content type); the rest is read in chunks while the request is sent, once per attempt.
 */
async function openPath(path: string): Promise<FileInput> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new SourceIssue("unreadable_file", `"${path}" is not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof SourceIssue) throw error;
    throw new SourceIssue("unreadable_file", `cannot read "${path}": ${reasonOf(error)}`);
  }
  try {
    const probe = await openAsBlob(path);
    const head = new Uint8Array(await probe.slice(0, Math.min(size, SNIFF_BYTES)).arrayBuffer());
    const blob = await openAsBlob(path, { type: sniffedType(head) });
    return { data: blob, name: basename(path) };
  } catch (error) {
    throw new SourceIssue("unreadable_file", `cannot read "${path}": ${reasonOf(error)}`);
  }
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}

/** Reads a stream into one Blob, stopping past `maxBytes` (leaving the loop cancels or destroys the stream). */
async function collect(stream: AsyncIterable<Uint8Array | string>, maxBytes: number): Promise<Blob> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk;
    total += bytes.byteLength;
    if (total > maxBytes) {
      const limit = `${Number((maxBytes / (1024 * 1024)).toFixed(1))} MB`;
      throw new SourceIssue("file_too_big", `is larger than the ${limit} limit (stopped reading there)`);
    }
    parts.push(bytes as Uint8Array<ArrayBuffer>);
  }
  const head = parts[0]?.subarray(0, SNIFF_BYTES) ?? new Uint8Array();
  return new Blob(parts, { type: sniffedType(head) });
}

function openStream(
  stream: ReadableStream<Uint8Array> | NodeJS.ReadableStream,
  maxBytes: number,
): Promise<FileInput> {
  return collect(stream as AsyncIterable<Uint8Array | string>, maxBytes);
}

/**
 * Turns one source into core's `FileInput`. A path becomes a lazily read file-backed Blob named
 * after the file; a stream or a download is read once into memory (it has to be: core reads the
 * bytes to check them and a retry sends them again). Throws {@link SourceIssue}.
 */
export async function openSource(source: unknown, context: OpenSourceContext): Promise<unknown> {
  const maxBytes = context.maxBytes ?? MAX_IMAGE_BYTES;
  if (typeof source === "string") {
    if (!isHttpURL(source)) return openPath(source);
    return openStream(await context.download(source), maxBytes);
  }
  if (source instanceof URL) {
    if (source.protocol === "file:") return openPath(fileURLToPath(source));
    if (!isHttpURL(source.href))
      throw new SourceIssue("invalid_type", `must be a file:, http: or https: URL, got "${source.protocol}"`);
    return openStream(await context.download(source.href), maxBytes);
  }
  if (isImageObject(source)) return openStream(await context.download(source), maxBytes);
  if (isStream(source)) return openStream(source, maxBytes);
  return source;
}
