import type { LoggedRequest } from "@ideokit/testing";
import { specValidator } from "@ideokit/testing/spec";

interface LoggedFile {
  name: string;
  type: string;
  size: number;
}

const isLoggedFile = (part: unknown): part is LoggedFile =>
  typeof part === "object" && part !== null && "size" in part && "type" in part;

// The log keeps a multipart body's text parts and each file's name, type and size: enough to
// rebuild a FormData of the same shape for the spec's schema, which reads no file bytes.
function formDataOf(body: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) {
    for (const part of Array.isArray(value) ? value : [value]) {
      if (isLoggedFile(part))
        form.append(name, new Blob([new Uint8Array(part.size)], { type: part.type }), part.name);
      else form.append(name, String(part));
    }
  }
  return form;
}

/** What the official spec finds wrong in a request the emulator logged, as readable lines; `[]` when it validates. */
export function specProblems(request: LoggedRequest): string[] {
  const contentType = request.headers["content-type"] ?? "";
  const multipart = /^multipart\/form-data\b/i.test(contentType);
  const body = multipart ? formDataOf(request.body as Record<string, unknown>) : request.body;
  return specValidator()
    .request(request.path, contentType, body)
    .map((error) => `${request.path}${error.instancePath} ${error.message ?? error.keyword}`);
}
