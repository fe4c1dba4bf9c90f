/** Machine-readable kind of a {@link ValidationIssue}. */
export type IssueCode =
  | "required"
  | "invalid_type"
  | "blank"
  | "not_integer"
  | "too_small"
  | "too_big"
  | "invalid_enum"
  | "invalid_format"
  | "invalid_palette"
  | "unknown_key"
  | "conflict"
  | "unsupported_by_model"
  | "invalid_json"
  | "invalid_file_format"
  | "file_too_big"
  | "too_many_files"
  | "too_few_files"
  | "size_mismatch"
  | "empty_file"
  | "unreadable_file"
  | "invalid";

/** One offending field: where it is, what kind of problem, and a message a person can act on. */
export interface ValidationIssue {
  path: (string | number)[];
  code: IssueCode;
  message: string;
}

/** Renders a path like `image_request.color_palette.members[2].color_hex`. */
export function formatPath(path: readonly (string | number)[]): string {
  let text = "";
  for (const segment of path) {
    text += typeof segment === "number" ? `[${segment}]` : text === "" ? segment : `.${segment}`;
  }
  return text === "" ? "(root)" : text;
}

/** One line per issue, `path: message`, for an error message. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `  - ${formatPath(issue.path)}: ${issue.message}`).join("\n");
}
