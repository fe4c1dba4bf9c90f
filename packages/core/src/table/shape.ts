import type { ResponseKind } from "../operation.ts";

// Response bodies as plain data (no calls, so bundlers drop unused shapes for free), like the
// request fields: the parser, the zod schemas and the output types all read these. Parsing is
// lenient where the service is loose: documented props are checked when present, only `required`
// ones must be there, unknown props are kept.

/** What a response property holds. */
export type PropKind = "string" | "nullable-string" | "number" | "boolean" | "list" | "nullable-list";

/** One property of a response object. */
export interface Prop {
  readonly kind: PropKind;
  /** What the value should be, for messages ("a date-time string"). */
  readonly what: string;
  readonly required?: boolean;
  /** The object each item of a `list` is. */
  readonly items?: Shape;
}

/** A response object: its properties, what to call it, and whether it is an image needing a URL. */
export interface Shape {
  readonly what: string;
  readonly props: Readonly<Record<string, Prop>>;
  /** A safe image (`is_image_safe` not false) must have a `url`. */
  readonly safeImageUrl?: boolean;
}

interface KindType {
  string: string;
  "nullable-string": string | null;
  number: number;
  boolean: boolean;
  list: unknown[];
  "nullable-list": unknown[] | null;
}

type PropType<P> = P extends { kind: "list"; items: infer S }
  ? OutputOfShape<S>[]
  : P extends { kind: infer K extends PropKind }
    ? KindType[K]
    : never;

type Props<S> = S extends { props: infer P } ? P : never;

/** The type of a parsed object: documented props typed, unknown ones kept. */
export type OutputOfShape<S> = {
  -readonly [K in keyof Props<S> as Props<S>[K] extends { required: true } ? K : never]: PropType<
    Props<S>[K]
  >;
} & {
  -readonly [K in keyof Props<S> as Props<S>[K] extends { required: true } ? never : K]?: PropType<
    Props<S>[K]
  >;
} & { [key: string]: unknown };

/** What a 2xx body of an operation is: its kind (for adapters) and its shape (for the parser). */
export interface ResponseSpec {
  readonly kind: ResponseKind;
  readonly shape: Shape;
}
