import { RequestValidationError, type TableOperation, type ValidationIssue } from "@ideokit/core";
import { isOpenableSource, type OpenSourceContext, openSource, SourceIssue } from "./image-source.ts";

/**
 * The input with every file field's sources (paths, URLs, earlier images, streams) opened as
 * core's `FileInput`; other values are left for core's checker to judge. Every source that cannot
 * be opened is reported at once, as a `RequestValidationError` naming the field, before any call.
 */
export async function resolveSources(
  operation: Pick<TableOperation, "fields">,
  input: unknown,
  context: OpenSourceContext,
): Promise<unknown> {
  if (typeof input !== "object" || input === null) return input;
  const resolved: Record<string, unknown> = { ...input };
  const issues: ValidationIssue[] = [];
  const open = async (value: unknown, path: (string | number)[], maxBytes: number | undefined) => {
    if (!isOpenableSource(value)) return value;
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
