import type { Model } from "../enums.ts";

/** Two fields that may not be sent together; the issue lands on the second. */
export type Exclusion = readonly [string, string];

/** What fields of an operation must agree on, beyond each field's own rules. */
export interface Rules {
  /** Pairs of fields that exclude each other (`aspect_ratio` and `resolution`). */
  readonly exclusive?: readonly Exclusion[];
  /** `[list, other]`: `list` must hold as many items as `other` (one mask per reference image). */
  readonly sameCount?: readonly (readonly [string, string])[];
  /** Groups of fields of which at least one must be sent (`images` or `image_urls`). */
  readonly atLeastOne?: readonly (readonly string[])[];
  /** The field naming the model, and the model used when it is left out, for {@link Field.models}. */
  readonly model?: {
    readonly field: string;
    readonly default: Model;
    /** The models this endpoint takes, when fewer than the enum lists (legacy /edit: V_2 and V_2_TURBO). */
    readonly only?: readonly Model[];
  };
}
