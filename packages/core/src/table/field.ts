import type { Model } from "../enums.ts";
import type { FileFormat } from "../files/formats.ts";
import type { FileInput } from "../files/input.ts";
import {
  checkBoolean,
  checkDecimal,
  checkEnum,
  checkFile,
  checkFileList,
  checkInteger,
  checkPaletteValue,
  checkString,
  checkStringList,
  type KindCheck,
} from "./kinds.ts";
import type { ColorPalette } from "./palette-types.ts";

// The field DSL of the operation table: one plain object per wire field, written with the small
// factories below. Everything else (checker, zod schemas, types, request encoding, CLI flags,
// playground form) reads these objects, so a field is described once.

/** What a field holds on the wire; the CLI and the playground pick their control from it. */
export type FieldKind =
  | "string"
  | "integer"
  | "number"
  | "boolean"
  | "enum"
  | "string-list"
  | "palette"
  | "file"
  | "file-list";

/** What the checker reads bytes for: accepted formats, size limits, a mask's sibling image. */
export interface FileLimits {
  readonly formats: readonly FileFormat[];
  /** Per-file limit in bytes. */
  readonly maxBytes?: number;
  /** Limit for all files of the field together, in bytes. */
  readonly totalMaxBytes?: number;
  /** The field whose image this one must match in width and height (a mask). */
  readonly sameSizeAs?: string;
}

/** One field of an operation's input, as data. `T` is the value's type, `R` whether it is required. */
export interface Field<T = unknown, R extends boolean = boolean> {
  readonly kind: FieldKind;
  /** The check of its kind (attached by the factory, so only used kinds reach a bundle). */
  readonly check: KindCheck;
  readonly required: R;
  /** One line from the spec, for `--help` and form hints. */
  readonly description: string;
  /** A valid value, shown as a placeholder; files have none ({@link exampleInput} makes tiny real ones). */
  readonly example?: T;
  /** The value the service uses when the field is left out (documentation only; never sent). */
  readonly default?: T;
  /** Allowed values of an `enum` field, in the spec's order. */
  readonly values?: readonly string[];
  /** Name of the exported list of {@link Field.values}, quoted when there are too many to print. */
  readonly listName?: string;
  /** How messages name the value ("aspect ratio") or, for strings, what to write. */
  readonly label?: string;
  /** Inclusive range of a number, or of the item count of a list. */
  readonly min?: number;
  readonly max?: number;
  /** Pattern of a string or of each string-list item, and how to say it in a message. */
  readonly pattern?: RegExp;
  readonly patternHint?: string;
  /** A string that must hold more than whitespace. */
  readonly notBlank?: boolean;
  /** `null` is accepted as "not set". */
  readonly nullable?: boolean;
  /** The models that accept this field; absent when every model does. */
  readonly models?: readonly Model[];
  /** Byte-level rules of a `file` / `file-list` field. */
  readonly file?: FileLimits;
  /** Phantom member carrying `T` for the mapped types; never set. */
  readonly __type?: T;
}

/** Metadata every factory takes. */
export interface FieldOptions<T, R extends boolean> {
  description: string;
  example: T;
  required?: R;
  default?: T;
  label?: string;
  models?: readonly Model[];
  nullable?: boolean;
}

/** What only some kinds set; the rest of {@link Field}. */
type KindExtra = Pick<
  Field,
  "values" | "listName" | "min" | "max" | "pattern" | "patternHint" | "notBlank" | "file"
>;

function field<T, R extends boolean>(
  kind: FieldKind,
  check: KindCheck,
  options: Omit<FieldOptions<T, R>, "example"> & { example?: T },
  extra: KindExtra,
): Field<T, R> {
  // Every field has every property, in one order: one hidden class, so the checker's property
  // reads stay monomorphic (a spread of the options gave each field its own shape, 1.5x slower).
  return {
    kind,
    check,
    required: (options.required ?? false) as R,
    description: options.description,
    example: options.example,
    default: options.default,
    values: extra.values,
    listName: extra.listName,
    label: options.label,
    min: extra.min,
    max: extra.max,
    pattern: extra.pattern,
    patternHint: extra.patternHint,
    notBlank: extra.notBlank ?? false,
    nullable: options.nullable ?? false,
    models: options.models,
    file: extra.file,
  };
}

/** A text field; `notBlank` rejects whitespace-only text. */
export function text<R extends boolean = false>(
  options: FieldOptions<string, R> & { notBlank?: boolean; pattern?: RegExp; patternHint?: string },
): Field<string, R> {
  const { notBlank, pattern, patternHint } = options;
  return field("string", checkString, options, { notBlank, pattern, patternHint });
}

/** An integer in `[min, max]` (either bound `undefined` where the spec sets none). */
export function integer<R extends boolean = false, N extends boolean = false>(
  min: number | undefined,
  max: number | undefined,
  options: FieldOptions<number, R> & { nullable?: N },
): Field<N extends true ? number | null : number, R> {
  return field<number, R>("integer", checkInteger, options, { min, max }) as Field<
    N extends true ? number | null : number,
    R
  >;
}

/** A finite number in `[min, max]`. */
export function decimal<R extends boolean = false>(
  min: number,
  max: number,
  options: FieldOptions<number, R>,
): Field<number, R> {
  return field("number", checkDecimal, options, { min, max });
}

/** `true` or `false`. */
export function flag<R extends boolean = false>(options: FieldOptions<boolean, R>): Field<boolean, R> {
  return field("boolean", checkBoolean, options, {});
}

/** One of `values`; `label` names it in messages ("aspect ratio"), `listName` is its exported list. */
export function oneOf<const V extends readonly string[], R extends boolean = false>(
  values: V,
  listName: string,
  options: FieldOptions<V[number], R> & { label: string },
): Field<V[number], R> {
  return field("enum", checkEnum, options, { values, listName });
}

/** A list of strings, each matching `pattern`, sent as repeated parts in multipart bodies. */
export function stringList<R extends boolean = false>(
  pattern: RegExp,
  patternHint: string,
  options: FieldOptions<string[], R> & { max?: number },
): Field<string[], R> {
  return field("string-list", checkStringList, options, { pattern, patternHint, max: options.max });
}

/** A colour palette: a preset `{ name }` or custom `{ members }`. */
export function palette<R extends boolean = false>(
  options: FieldOptions<ColorPalette, R>,
): Field<ColorPalette, R> {
  return field("palette", checkPaletteValue, options, {});
}

/** One file (image or font), checked by magic bytes against `limits.formats`. */
export function file<R extends boolean = false>(
  limits: FileLimits,
  options: Omit<FieldOptions<FileInput, R>, "example">,
): Field<FileInput, R> {
  return field("file", checkFile, options, { file: limits });
}

/** Several files of one field, sent as repeated parts; `min`/`max` bound their count. */
export function fileList<R extends boolean = false>(
  limits: FileLimits,
  options: Omit<FieldOptions<FileInput[], R>, "example"> & { min?: number; max?: number },
): Field<FileInput[], R> {
  return field("file-list", checkFileList, options, { file: limits, min: options.min, max: options.max });
}

/** The fields of one operation, by wire name. */
export type Fields = Readonly<Record<string, Field>>;

/** The value type a field holds. */
export type ValueOf<F> = F extends Field<infer T, boolean> ? T : never;

type RequiredKeys<F extends Fields> = {
  [K in keyof F]: F[K] extends Field<unknown, true> ? K : never;
}[keyof F];

type Flatten<T> = { [K in keyof T]: T[K] } & {};

/** The input object a set of fields describes: required fields required, the rest optional. */
export type InputOfFields<F extends Fields> = Flatten<
  { [K in RequiredKeys<F>]: ValueOf<F[K]> } & { [K in Exclude<keyof F, RequiredKeys<F>>]?: ValueOf<F[K]> }
>;
