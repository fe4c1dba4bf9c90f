import { httpRequest } from "../build.ts";
import { ResponseValidationError } from "../errors.ts";
import type { FileRule } from "../files/rules.ts";
import type { ValidationIssue } from "../issues.ts";
import type { Operation, SafeResult } from "../operation.ts";
import { checkedShape, checkInput, type RuleCheck } from "./check.ts";
import type { Encoder } from "./encode.ts";
import type { Fields, InputOfFields } from "./field.ts";
import { checkShape, compileShape } from "./parse-shape.ts";
import type { Exclusion, Rules } from "./rules.ts";
import type { OutputOfShape, ResponseSpec, Shape } from "./shape.ts";

/** Reads the files' bytes against their rules; passed in only by operations that take files. */
export type FileChecker = (
  input: Record<string, unknown>,
  rules: readonly FileRule[],
) => Promise<ValidationIssue[]>;

/** One table entry: everything about an endpoint, as data. */
export interface OperationSpec<
  F extends Fields,
  R extends ResponseSpec,
  X extends readonly Exclusion[],
  Id extends string = string,
> {
  /** `generate`, `v3.replaceBackground`, …: the name the clients expose it under. */
  readonly id: Id;
  /** The official path, relative to the base URL. */
  readonly path: `/${string}`;
  /** One line on what the endpoint does (from the spec). */
  readonly summary: string;
  readonly fields: F;
  readonly rules?: Rules & { readonly exclusive?: X };
  /** The JSON object the non-file fields travel in (`image_request`). */
  readonly envelope?: string;
  /** How a checked input becomes a body: `jsonBody`, `formBody` or `jsonUnlessFiles`. */
  readonly encode: Encoder;
  readonly response: R;
  /** `checkFileRules` for operations with file fields (kept out of the others' bundles). */
  readonly checkFiles?: FileChecker;
  /** `checkMoreRules` for entries whose rules have `atLeastOne`, `sameCount` or `model.only` (kept out of the others' bundles). */
  readonly moreRules?: RuleCheck;
}

type Exclusive<E> = E extends readonly [infer A extends string, infer B extends string]
  ? { [K in A]?: never } | { [K in B]?: never }
  : never;

/** The intersection of one "not both" union per excluded pair, so sending both is a type error. */
export type Exclusions<X> = X extends readonly [infer Head, ...infer Tail]
  ? Exclusive<Head> & Exclusions<Tail>
  : unknown;

/** An operation's input type: its fields, minus the combinations its exclusive rules forbid. */
export type InputOfSpec<F extends Fields, X> = InputOfFields<F> & Exclusions<X>;

/** An {@link Operation} built from the table, with the data it came from for CLIs, forms and tests. */
export interface TableOperation<
  I = unknown,
  O = unknown,
  F extends Fields = Fields,
  Id extends string = string,
> extends Operation<I, O> {
  readonly id: Id;
  readonly summary: string;
  /** Every field, by wire name, in the spec's order. */
  readonly fields: F;
  readonly fieldNames: readonly string[];
  readonly rules: Rules;
  readonly envelope?: string;
  /** Byte-level rules of the file fields (`[]` when there are none). */
  readonly fileRules: readonly FileRule[];
  /** What a 2xx body looks like. */
  readonly responseShape: Shape;
}

function fileRulesOf(fields: Fields): FileRule[] {
  const rules: FileRule[] = [];
  for (const name in fields) {
    const limits = fields[name]?.file;
    if (limits !== undefined) rules.push({ field: name, ...limits });
  }
  return rules;
}

/**
 * Builds an operation from its table entry. Called as `defineOperation(() => ({ … }))` under a
 * pure annotation: the thunk keeps the field factories from running in bundles that drop the
 * operation (rolldown keeps a pure call's arguments when they are calls themselves).
 */
export function defineOperation<
  const F extends Fields,
  const R extends ResponseSpec,
  const X extends readonly Exclusion[] = [],
  const Id extends string = string,
>(
  make: () => OperationSpec<F, R, X, Id>,
): TableOperation<InputOfSpec<F, X>, OutputOfShape<R["shape"]>, F, Id> {
  type I = InputOfSpec<F, X>;
  type O = OutputOfShape<R["shape"]>;
  const spec = make();
  const rules: Rules = spec.rules ?? {};
  const checked = checkedShape(spec.fields, rules, spec.moreRules);
  const fieldNames = checked.fieldNames;
  const fileRules = fileRulesOf(spec.fields);
  const shape = spec.response.shape;
  const compiled = compileShape(shape);
  const fileChecker = spec.checkFiles;

  function check(input: unknown, options?: { unknownKeys?: "reject" | "passthrough" }): SafeResult<I> {
    const issues: ValidationIssue[] = [];
    checkInput(checked, input, [], options?.unknownKeys !== "passthrough", issues);
    return issues.length === 0 ? { success: true, data: input as I } : { success: false, issues };
  }

  function safeParse(body: unknown): SafeResult<O> {
    const issues: ValidationIssue[] = [];
    checkShape(compiled, body, [], issues);
    return issues.length === 0 ? { success: true, data: body as O } : { success: false, issues };
  }

  const operation: TableOperation<I, O, F, Id> = {
    id: spec.id,
    method: "POST",
    path: spec.path,
    response: spec.response.kind,
    summary: spec.summary,
    fields: spec.fields,
    fieldNames,
    rules,
    fileRules,
    responseShape: shape,
    check,
    checkFiles: async (input) =>
      fileChecker === undefined ? [] : fileChecker(input as Record<string, unknown>, fileRules),
    build: (input, target) =>
      httpRequest(spec.path, spec.encode(spec, input as Record<string, unknown>), target),
    parse(body) {
      const result = safeParse(body);
      if (!result.success) throw new ResponseValidationError([...result.issues]);
      return result.data;
    },
    safeParse,
  };
  if (spec.envelope !== undefined) return { ...operation, envelope: spec.envelope };
  return operation;
}
