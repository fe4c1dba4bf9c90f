import {
  array,
  boolean,
  custom,
  gte,
  looseObject,
  lte,
  maxLength,
  minLength,
  nullable,
  number,
  optional,
  refine,
  regex,
  strictObject,
  string,
  superRefine,
  xor,
  type ZodMiniType,
  enum as zodEnum,
} from "zod/mini";
import { COLOR_PALETTE_PRESETS } from "../enums.ts";
import { COLOR_PALETTE_MEMBER_FIELDS } from "../fields.ts";
import { isFileInput } from "../files/input.ts";
import type { ValidationIssue } from "../issues.ts";
import {
  COLOR_HEX_PATTERN,
  COLOR_WEIGHT_MAX,
  COLOR_WEIGHT_MIN,
  PALETTE_MEMBERS_MAX,
  PALETTE_MEMBERS_MIN,
} from "../limits.ts";
import {
  BLANK_MESSAGE,
  booleanMessage,
  colorHexMessage,
  colorWeightMessage,
  countMessage,
  enumMessage,
  expectedMessage,
  fileMessage,
  integerRangeMessage,
  listMessage,
  numberRangeMessage,
  objectMessage,
  paletteMembersMessage,
  paletteShapeMessage,
  patternMessage,
  stringMessage,
  unknownKeyMessage,
} from "../messages.ts";
import type { CheckOptions } from "../operation.ts";
import { checkedShape, checkMoreRules, checkRules } from "./check.ts";
import type { TableOperation } from "./define.ts";
import type { Field } from "./field.ts";
import type { ColorPalette, ColorPaletteMember } from "./palette-types.ts";
import { isMissingSafeUrl, MISSING_SAFE_URL_MESSAGE } from "./parse-shape.ts";
import type { OutputOfShape, Prop, Shape } from "./shape.ts";

// zod/mini schemas derived from the same table entries as the checker, with the same messages,
// for composing into other schemas and converting to JSON Schema. Built only on demand: nothing
// here runs for a page that never asks for a schema.

interface RawIssue {
  code?: string;
  input?: unknown;
  keys?: string[];
}

type Schema = ZodMiniType;

const errorOf = (message: (input: unknown) => string) => ({
  error: (issue: RawIssue) => message(issue.input),
});

function numberSchema(field: Field, integer: boolean): Schema {
  const min = field.min ?? Number.NEGATIVE_INFINITY;
  const max = field.max ?? Number.POSITIVE_INFINITY;
  const error = errorOf((input) =>
    integer ? integerRangeMessage(min, max, input) : numberRangeMessage(min, max, input),
  );
  // A refinement rather than int(): int() aborts the parse, which would hide cross-field issues.
  const bounds = [gte(min, error), lte(max, error)];
  const schema = integer
    ? number(error).check(refine(Number.isInteger, { ...error, params: { code: "not_integer" } }), ...bounds)
    : number(error).check(...bounds);
  return field.nullable ? nullable(schema) : schema;
}

function stringSchema(field: Field): Schema {
  const checks: Parameters<ReturnType<typeof string>["check"]> = [];
  if (field.notBlank) {
    checks.push(
      refine((value: string) => value.trim() !== "", { error: BLANK_MESSAGE, params: { code: "blank" } }),
    );
  }
  if (field.pattern)
    checks.push(
      regex(
        field.pattern,
        errorOf((input) => patternMessage(field.patternHint ?? "", input)),
      ),
    );
  return string(errorOf((input) => stringMessage(field.label ?? "", input))).check(...checks);
}

function listChecks(field: Field): Parameters<ReturnType<typeof array>["check"]> {
  const error = errorOf((input) =>
    countMessage(field.min ?? 0, field.max ?? Number.POSITIVE_INFINITY, (input as unknown[]).length),
  );
  const checks: Parameters<ReturnType<typeof array>["check"]> = [];
  if (field.min !== undefined) checks.push(minLength(field.min, error));
  if (field.max !== undefined) checks.push(maxLength(field.max, error));
  return checks;
}

const fileSchema = () => custom(isFileInput, errorOf(fileMessage));

function memberSchema(): ZodMiniType<ColorPaletteMember> {
  const weightError = errorOf(colorWeightMessage);
  const hexError = errorOf(colorHexMessage);
  return strictObject(
    {
      color_hex: string(hexError).check(regex(COLOR_HEX_PATTERN, hexError)),
      color_weight: optional(
        number(weightError).check(gte(COLOR_WEIGHT_MIN, weightError), lte(COLOR_WEIGHT_MAX, weightError)),
      ),
    },
    objectError(COLOR_PALETTE_MEMBER_FIELDS),
  );
}

/** The colour palette schema: exactly one of a preset `{ name }` or custom `{ members }`. */
export function paletteSchema(
  member: ZodMiniType<ColorPaletteMember> = memberSchema(),
): ZodMiniType<ColorPalette> {
  const membersError = errorOf(paletteMembersMessage);
  return xor(
    [
      strictObject({
        name: zodEnum(COLOR_PALETTE_PRESETS, {
          error: (issue: RawIssue) =>
            enumMessage("colour palette preset", COLOR_PALETTE_PRESETS, "COLOR_PALETTE_PRESETS", issue.input),
        }),
      }),
      strictObject({
        members: array(member, membersError).check(
          minLength(PALETTE_MEMBERS_MIN, membersError),
          maxLength(PALETTE_MEMBERS_MAX, membersError),
        ),
      }),
    ],
    errorOf(paletteShapeMessage),
  ) as unknown as ZodMiniType<ColorPalette>;
}

/** The schema of one palette member. */
export { memberSchema };

function fieldSchema(field: Field): Schema {
  switch (field.kind) {
    case "string":
      return stringSchema(field);
    case "integer":
    case "number":
      return numberSchema(field, field.kind === "integer");
    case "boolean":
      return boolean(errorOf(booleanMessage));
    case "enum": {
      const values = (field.values ?? []) as [string, ...string[]];
      return zodEnum(
        values,
        errorOf((input) => enumMessage(field.label ?? "value", values, field.listName ?? "", input)),
      );
    }
    case "string-list":
      return array(
        stringSchema(field),
        errorOf((input) => listMessage(field.kind, input)),
      ).check(...listChecks(field));
    case "palette":
      return paletteSchema();
    case "file":
      return fileSchema();
    case "file-list":
      return array(
        fileSchema(),
        errorOf((input) => listMessage(field.kind, input)),
      ).check(...listChecks(field));
  }
}

function objectError(known: readonly string[]) {
  return {
    error: (issue: RawIssue) =>
      issue.code === "unrecognized_keys"
        ? (issue.keys ?? []).map((key) => `${key}: ${unknownKeyMessage(key, known)}`).join("; ")
        : objectMessage(issue.input),
  };
}

/** The zod/mini schema of an operation's input, enforcing its fields and cross-field rules. */
export function inputSchema<I>(operation: TableOperation<I>, options: CheckOptions = {}): ZodMiniType<I> {
  const shape: Record<string, Schema> = {};
  for (const name of operation.fieldNames) {
    const field = operation.fields[name] as Field;
    shape[name] = field.required ? fieldSchema(field) : optional(fieldSchema(field));
  }
  const object = options.unknownKeys === "passthrough" ? looseObject : strictObject;
  const checked = checkedShape(operation.fields, operation.rules, checkMoreRules);
  const rules = superRefine<Record<string, unknown>>(
    (input, context) => {
      const issues: ValidationIssue[] = [];
      checkRules(checked, input, [], issues);
      for (const issue of issues) {
        context.addIssue({
          code: "custom",
          path: issue.path,
          message: issue.message,
          params: { code: issue.code },
          input,
          continue: true,
        });
      }
    },
    // Run even when single fields failed, so one parse reports every problem.
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );
  return object(shape, objectError(operation.fieldNames)).check(rules) as unknown as ZodMiniType<I>;
}

function propSchema(prop: Prop): Schema {
  const error = errorOf((input) => expectedMessage(prop.what, input));
  switch (prop.kind) {
    case "string":
      return string(error);
    case "nullable-string":
      return nullable(string(error));
    case "number":
      return number(error);
    case "boolean":
      return boolean(error);
    case "list":
      return array(prop.items === undefined ? custom(() => true) : shapeSchema(prop.items), error);
    case "nullable-list":
      return nullable(
        array(
          custom(() => true),
          error,
        ),
      );
  }
}

/** The zod/mini schema of a response object shape: lenient, unknown fields kept. */
export function shapeSchema<S extends Shape>(shape: S): ZodMiniType<OutputOfShape<S>> {
  const props: Record<string, Schema> = {};
  for (const name in shape.props) {
    const prop = shape.props[name] as Prop;
    props[name] = prop.required ? propSchema(prop) : optional(propSchema(prop));
  }
  const object = looseObject(
    props,
    errorOf((input) => expectedMessage(shape.what, input)),
  );
  if (!shape.safeImageUrl) return object as unknown as ZodMiniType<OutputOfShape<S>>;
  return object.check(
    superRefine((image: Record<string, unknown>, context) => {
      if (isMissingSafeUrl(image)) {
        context.addIssue({
          code: "custom",
          path: ["url"],
          message: MISSING_SAFE_URL_MESSAGE,
          input: image.url,
        });
      }
    }),
  ) as unknown as ZodMiniType<OutputOfShape<S>>;
}

/** The zod/mini schema of an operation's 2xx body. */
export function outputSchema<O>(operation: TableOperation<unknown, O>): ZodMiniType<O> {
  return shapeSchema(operation.responseShape) as unknown as ZodMiniType<O>;
}
