import type { CheckOptions, ResponseKind, SafeResult, ValidationIssue } from "@ideokit/core";

/** What the emulator reads of a field of core's operation table: what its value is on the wire. */
export interface EmulatedField {
  readonly kind: string;
  /** The allowed values of an enum field (a 3.0 `resolution`: the sizes that operation may answer with). */
  readonly values?: readonly string[];
}

/**
 * The parts of a core table operation (`OPERATIONS` of `@ideokit/core`) the emulator serves it
 * from: where it lives, how its body decodes, how core checks it and what it answers.
 */
export interface EmulatedOperation {
  readonly id: string;
  readonly path: `/${string}`;
  readonly response: ResponseKind;
  /** Every field by wire name. */
  readonly fields: Readonly<Record<string, EmulatedField>>;
  /** The JSON object the non-file fields travel in (`image_request`), if any. */
  readonly envelope?: string;
  check(input: unknown, options?: CheckOptions): SafeResult<unknown>;
  checkFiles(input: never): Promise<readonly ValidationIssue[]>;
}

/** Whether a field holds files (one or a list). */
export function isFileField(field: EmulatedField | undefined): boolean {
  return field?.kind === "file" || field?.kind === "file-list";
}
