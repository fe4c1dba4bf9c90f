import type { LoggedRequest } from "@ideokit/testing";
import { specValidator } from "@ideokit/testing/spec";

const isLoggedFile = (value: unknown): value is { name: string; type: string; size: number } =>
  typeof value === "object" && value !== null && "size" in value && "type" in value;

/**
 * The official spec's errors for a request as it reached the emulator. A multipart body is rebuilt
 * from the log (files as parts of their logged name, type and size; text as text), so what is
 * validated is what the emulator parsed off the wire.
 */
export function specErrorsOf(entry: LoggedRequest): string[] {
  const contentType = entry.headers["content-type"] ?? "";
  const spec = specValidator();
  if (!contentType.startsWith("multipart/form-data"))
    return spec
      .request(entry.path, "application/json", JSON.stringify(entry.body))
      .map((e) => `${e.instancePath} ${e.message}`);
  const form = new FormData();
  for (const [name, value] of Object.entries(entry.body as Record<string, unknown>)) {
    for (const part of Array.isArray(value) ? value : [value]) {
      if (isLoggedFile(part))
        form.append(name, new Blob([new Uint8Array(part.size)], { type: part.type }), part.name);
      else form.append(name, String(part));
    }
  }
  return spec.request(entry.path, "multipart/form-data", form).map((e) => `${e.instancePath} ${e.message}`);
}
