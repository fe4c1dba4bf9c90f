import { Readable } from "node:stream";
import { FormDataEncoder } from "form-data-encoder";

/** A `multipart/form-data` body ready for `undici.request`: its headers and the bytes, produced as they are sent. */
export interface MultipartBody {
  /** `Content-Type` with the boundary, and `Content-Length` (every part's size is known up front). */
  headers: Record<string, string>;
  body: Readable;
}

/**
 * Encodes a standard `FormData` as a streamed multipart body. undici 8 refuses Node's global
 * `FormData`, and copying it into undici's own one buffers the file parts (22 MB of RSS for a 10 MB
 * file); form-data-encoder reads each `Blob` part through `stream()` while the socket drains, so a
 * file opened with `fs.openAsBlob` never sits in memory whole. Call once per attempt: the body is
 * consumed by sending it.
 */
export function multipartBody(form: FormData): MultipartBody {
  const encoder = new FormDataEncoder(form);
  return { headers: { ...encoder.headers }, body: Readable.from(encoder.encode(), { objectMode: false }) };
}
