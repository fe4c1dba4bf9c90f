import { describeValue } from "../describe-value.ts";
import type { Size } from "../dimensions.ts";
import { formatPath, type IssueCode, type ValidationIssue } from "../issues.ts";
import { type FileFormat, formatList, formatName, SNIFF_BYTES, sniffFileType } from "./formats.ts";
import { readImageSize } from "./image-size.ts";
import { byteSize, dataOf, type FileInput, isFileInput, readRange } from "./input.ts";

/** What one file field of an operation accepts; {@link checkFileRules} holds an input to it. */
export interface FileRule {
  /** The wire name of the field (`image_file`, `mask`, `style_reference_images`). */
  field: string;
  /** The formats accepted, told apart by magic bytes. */
  formats: readonly FileFormat[];
  /** Largest size of each file, in bytes. */
  maxBytes?: number;
  /** Fewest files (a field absent counts as none). */
  minCount?: number;
  /** Most files. */
  maxCount?: number;
  /** Largest size of all the field's files together, in bytes. */
  totalMaxBytes?: number;
  /** A field whose image this one's must match in width and height (index by index when both are lists, then as many). */
  sameSizeAs?: string;
  /** How messages of other rules name this field's files (default: the field name). */
  label?: string;
}

const MB = 1024 * 1024;
// The formats whose header readImageSize reads; a file of one of them that states no size is damaged.
const SIZED_FORMATS: readonly FileFormat[] = ["png", "jpeg", "webp", "gif"];

const megabytes = (bytes: number): string => `${Number((bytes / MB).toFixed(1))} MB`;

/** `is 12.3 MB; the limit is 10 MB`, in bytes when megabytes would show the two equal. */
function sizeMessage(subject: string, bytes: number, limit: number, after = ""): string {
  const [shown, allowed] =
    megabytes(bytes) === megabytes(limit)
      ? [`${bytes} bytes`, `${limit} bytes`]
      : [megabytes(bytes), megabytes(limit)];
  return `${subject} ${shown}; the limit is ${allowed}${after}`;
}

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? "" : "s"}`;
const issue = (path: (string | number)[], code: IssueCode, message: string): ValidationIssue => ({
  path,
  code,
  message,
});

type SizeOf = (file: FileInput) => Promise<Size | undefined>;

interface Inspected {
  issues: ValidationIssue[];
  /** Bytes counted towards the field's total; 0 for a value that is no file. */
  bytes: number;
}

async function inspect(
  value: unknown,
  path: (string | number)[],
  rule: FileRule,
  sizeOf: SizeOf,
): Promise<Inspected> {
  const wanted = formatList(rule.formats);
  if (!isFileInput(value)) {
    const message = `must be a Blob, File, Uint8Array, ArrayBuffer or { data, name?, type? }, got ${describeValue(value)}`;
    return { issues: [issue(path, "invalid_type", message)], bytes: 0 };
  }
  const data = dataOf(value);
  const bytes = byteSize(data);
  if (bytes === 0)
    return { issues: [issue(path, "empty_file", `is empty (0 bytes); send ${wanted}`)], bytes };
  let head: Uint8Array;
  try {
    head = await readRange(data, 0, SNIFF_BYTES);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { issues: [issue(path, "unreadable_file", `could not be read: ${reason}`)], bytes };
  }
  const issues: ValidationIssue[] = [];
  const format = sniffFileType(head);
  if (format === undefined || !rule.formats.includes(format)) {
    const found = format === undefined ? "is not a file of a known format" : `is ${formatName(format)}`;
    issues.push(issue(path, "invalid_file_format", `${found}; send ${wanted}`));
  } else if (SIZED_FORMATS.includes(format) && (await sizeOf(value)) === undefined) {
    // The magic bytes are right but no width and height follow: the file is cut short or damaged.
    const message = `is cut short or damaged: its ${formatName(format).replace(/^an? /, "")} header states no size`;
    issues.push(issue(path, "unreadable_file", message));
  }
  if (rule.maxBytes !== undefined && bytes > rule.maxBytes)
    issues.push(issue(path, "file_too_big", sizeMessage("is", bytes, rule.maxBytes)));
  return { issues, bytes };
}

const listOf = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

/** Issues of a `sameSizeAs` rule: lists paired index by index must be as long, and each image the size of its counterpart. */
async function mismatches(
  input: Record<string, unknown>,
  rule: FileRule,
  target: string,
  rules: readonly FileRule[],
  sizeOf: SizeOf,
): Promise<ValidationIssue[]> {
  const files = listOf(input[rule.field]);
  const counterparts = listOf(input[target]);
  const many = Array.isArray(input[rule.field]);
  const pairwise = Array.isArray(input[target]);
  const label = rules.find((other) => other.field === target)?.label ?? target;
  const issues: ValidationIssue[] = [];
  if (many && pairwise && files.length > 0 && files.length !== counterparts.length) {
    const code = files.length > counterparts.length ? "too_many_files" : "too_few_files";
    const message = `has ${plural(files.length, "file")} but ${label} has ${counterparts.length}; send one for each`;
    issues.push(issue([rule.field], code, message));
  }
  const found = await Promise.all(
    files.map(async (file, index): Promise<ValidationIssue | undefined> => {
      const counterpart = counterparts[pairwise ? index : 0];
      // Files that are missing, of no image format or unreadable are reported by their own checks.
      if (!isFileInput(file) || !isFileInput(counterpart)) return undefined;
      const [own, other] = await Promise.all([sizeOf(file), sizeOf(counterpart)]);
      if (!own || !other || (own.width === other.width && own.height === other.height)) return undefined;
      const name = pairwise ? formatPath([label, index]) : label;
      const message = `is ${own.width}×${own.height} but ${name} is ${other.width}×${other.height}; it must be the same size`;
      return issue(many ? [rule.field, index] : [rule.field], "size_mismatch", message);
    }),
  );
  for (const mismatch of found) if (mismatch) issues.push(mismatch);
  return issues;
}

async function checkRule(
  input: Record<string, unknown>,
  rule: FileRule,
  rules: readonly FileRule[],
  sizeOf: SizeOf,
): Promise<ValidationIssue[]> {
  const value = input[rule.field];
  const files = listOf(value);
  const many = Array.isArray(value);
  const wanted = formatList(rule.formats);
  const issues: ValidationIssue[] = [];
  if (files.length === 0 && (rule.minCount ?? 0) > 0 && !many)
    return [issue([rule.field], "required", `required; send ${wanted}`)];
  if (rule.minCount !== undefined && files.length < rule.minCount)
    issues.push(
      issue(
        [rule.field],
        "too_few_files",
        `has ${plural(files.length, "file")}; send at least ${rule.minCount}`,
      ),
    );
  if (rule.maxCount !== undefined && files.length > rule.maxCount)
    issues.push(
      issue(
        [rule.field],
        "too_many_files",
        `has ${plural(files.length, "file")}; at most ${rule.maxCount} accepted`,
      ),
    );
  const inspected = await Promise.all(
    files.map((file, index) => inspect(file, many ? [rule.field, index] : [rule.field], rule, sizeOf)),
  );
  for (const each of inspected) issues.push(...each.issues);
  const total = inspected.reduce((sum, each) => sum + each.bytes, 0);
  if (rule.totalMaxBytes !== undefined && total > rule.totalMaxBytes)
    issues.push(
      issue(
        [rule.field],
        "file_too_big",
        sizeMessage(
          `the ${plural(files.length, "file")} total`,
          total,
          rule.totalMaxBytes,
          " across all of them",
        ),
      ),
    );
  if (rule.sameSizeAs !== undefined)
    issues.push(...(await mismatches(input, rule, rule.sameSizeAs, rules, sizeOf)));
  return issues;
}

/**
 * Every problem the files of `input` have under `rules`, at once: a value that is no file, an empty
 * or unreadable file, a format (by magic bytes) the field does not take, a file or a field's total
 * over its size limit, too many or too few files, and an image whose width and height differ from
 * the one it must match. Reads only each file's first bytes and its image header.
 */
export async function checkFileRules(
  input: Record<string, unknown>,
  rules: readonly FileRule[],
): Promise<ValidationIssue[]> {
  const sizes = new Map<FileInput, Promise<Size | undefined>>();
  const sizeOf: SizeOf = (file) => {
    // A file that cannot be read states no size; inspect() reports why.
    const size = sizes.get(file) ?? readImageSize(file).catch(() => undefined);
    sizes.set(file, size);
    return size;
  };
  const perRule = await Promise.all(rules.map((rule) => checkRule(input, rule, rules, sizeOf)));
  return perRule.flat();
}
