import type { AuthScheme } from "./build.ts";
import type { ValidationIssue } from "./issues.ts";

// The seam between the operation table (what each Ideogram endpoint accepts and answers) and the
// call pipeline (how any of them is sent, retried and parsed). Adapters only ever see these
// shapes, so a new table entry reaches every client, the worker and the emulator unchanged.

/** The answer of a non-throwing check, in zod's `safeParse` shape. */
export type SafeResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly issues: readonly ValidationIssue[] };

/** Where a request goes and how it authenticates. */
export interface RequestTarget {
  baseURL: string;
  auth: AuthScheme;
  apiKey?: string;
  /** Extra headers; they override the defaults (names compared case-insensitively). */
  headers?: Record<string, string>;
}

/** One request, ready for any transport: JSON text, or a standard `FormData` with `Blob` parts. */
export interface HttpRequest {
  method: "POST";
  url: string;
  headers: Record<string, string>;
  body: string | FormData;
}

/** What a 2xx answer of an operation holds, so adapters know what to do with it. */
export type ResponseKind = "images" | "layered-images" | "layerize" | "descriptions" | "magic-prompt";

/** How strictly an operation's input is checked: unknown fields rejected (default) or passed on. */
export interface CheckOptions {
  unknownKeys?: "reject" | "passthrough";
}

/** One endpoint of the Ideogram API, as data plus the functions derived from it. */
export interface Operation<Input = unknown, Output = unknown> {
  /** `generate`, `v3.generate`, `editImages`, ...: the name the clients expose it under. */
  readonly id: string;
  readonly method: "POST";
  /** The official path, relative to the base URL (`/generate`, `/v1/ideogram-v3/edit`). */
  readonly path: `/${string}`;
  readonly response: ResponseKind;
  /** Every problem of `input` at once (fields, cross-field rules, files present and of a file type); reads no bytes. */
  check(input: unknown, options?: CheckOptions): SafeResult<Input>;
  /** Problems only the files' bytes show (format by magic bytes, sizes, mask dimensions); `[]` without files. */
  checkFiles(input: Input): Promise<readonly ValidationIssue[]>;
  /** The HTTP request for a checked `input`. */
  build(input: Input, target: RequestTarget): HttpRequest;
  /** A 2xx JSON body as `Output`; throws `ResponseValidationError` naming what is wrong. */
  parse(body: unknown): Output;
  /** {@link Operation.parse} without throwing. */
  safeParse(body: unknown): SafeResult<Output>;
}

/** The input type of an operation. */
export type InputOf<O> = O extends Operation<infer I, unknown> ? I : never;
/** The output type of an operation. */
export type OutputOf<O> = O extends Operation<unknown, infer T> ? T : never;
