import {
  type CheckOptions,
  RequestValidationError,
  type TableOperation,
  type ValidationIssue,
} from "@ideokit/core";
import {
  isOpenableSource,
  isRemoteSource,
  type OpenSourceContext,
  openSource,
  SourceIssue,
} from "./image-source.ts";

const isFileField = (kind: string | undefined) => kind === "file" || kind === "file-list";

/** Core's issues of the input's other fields, with every source standing in as an empty file (no bytes are read). */
function fieldIssues(
  operation: Pick<TableOperation, "fields" | "check">,
  input: Record<string, unknown>,
  options: CheckOptions,
): readonly ValidationIssue[] {
  const placeholder = (value: unknown) => (isOpenableSource(value) ? new Blob([]) : value);
  const stand: Record<string, unknown> = { ...input };
  for (const [name, field] of Object.entries(operation.fields)) {
    const value = stand[name];
    if (!isFileField(field.kind) || value === undefined) continue;
    stand[name] = Array.isArray(value) ? value.map(placeholder) : placeholder(value);
  }
  const result = operation.check(stand, options);
  return result.success ? [] : result.issues;
}

/**
 * The input with every file field's sources (paths, URLs, earlier images, streams) opened as
 * core's `FileInput`. The other fields are checked first (unless `check` is `false`): when one is
 * wrong nothing is downloaded, and its issues are reported together with every source that
 * cannot be opened, as one `RequestValidationError` naming each field, before any call.
 */
export async function resolveSources(
  operation: Pick<TableOperation, "fields" | "check">,
  input: unknown,
  context: OpenSourceContext,
  check: CheckOptions | false,
): Promise<unknown> {
  if (typeof input !== "object" || input === null) return input;
  const resolved: Record<string, unknown> = { ...input };
  const issues: ValidationIssue[] = check === false ? [] : [...fieldIssues(operation, resolved, check)];
  const downloads = issues.length === 0;
  const open = async (value: unknown, path: (string | number)[], maxBytes: number | undefined) => {
    if (!isOpenableSource(value) || (!downloads && isRemoteSource(value))) return value;
    try {
      return await openSource(value, maxBytes === undefined ? context : { ...context, maxBytes });
    } catch (error) {
      if (!(error instanceof SourceIssue)) throw error;
      issues.push({ path, code: error.code, message: error.message });
      return value;
    }
  };
  await Promise.all(
    Object.entries(operation.fields).map(async ([name, field]) => {
      const value = resolved[name];
      if (value === undefined) return;
      const maxBytes = field.file?.maxBytes;
      if (field.kind === "file") resolved[name] = await open(value, [name], maxBytes);
      else if (field.kind === "file-list" && Array.isArray(value))
        resolved[name] = await Promise.all(value.map((item, index) => open(item, [name, index], maxBytes)));
    }),
  );
  if (issues.length > 0) throw new RequestValidationError(issues);
  return resolved;
}
