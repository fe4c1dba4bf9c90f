import { formatPath, type ValidationIssue } from "@ideokit/core";
import { FlagError, flagName, flagValue } from "./field-flag.ts";
import { argumentName, type OperationCommand } from "./operation-command.ts";
import type { ParsedCommand } from "./program.ts";

/** Bad usage the CLI found itself, before any request: every line to print. */
export class UsageError extends Error {
  readonly lines: string[];

  constructor(lines: string[]) {
    super(lines.join("\n"));
    this.lines = lines;
  }
}

/** The operation's input from the command line's texts; every flag that cannot be read is reported at once. */
export function cliInput({ command, texts }: ParsedCommand): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, raw] of Object.entries(texts)) {
    const field = command.operation.fields[name]!;
    try {
      input[name] = flagValue(name, field, raw);
    } catch (error) {
      if (!(error instanceof FlagError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) throw new UsageError(problems);
  return input;
}

/** Core's issue in the CLI's words: `--magic-prompt: …` or `<image>: …` instead of the wire field's path. */
export function cliIssue(command: OperationCommand, issue: ValidationIssue): string {
  const [first, ...rest] = issue.path;
  const name = typeof first === "string" ? first : undefined;
  const positional = command.positional.find((entry) => entry.name === name);
  const subject =
    name === undefined
      ? formatPath(issue.path)
      : positional !== undefined
        ? argumentName(positional.name, positional.field)
        : command.operation.fields[name] !== undefined
          ? `--${flagName(name)}`
          : name;
  const detail = rest.length === 0 ? "" : formatPath(rest).replace(/^(?!\[)/, ".");
  return `${subject}${detail}: ${issue.message}`;
}
