import {
  array,
  gte,
  looseObject,
  lte,
  maxLength,
  minLength,
  number,
  optional,
  type output,
  refine,
  regex,
  strictObject,
  string,
  superRefine,
  xor,
  enum as zodEnum,
} from "zod/mini";
import { crossFieldIssues } from "./cross-field-rules.ts";
import {
  ASPECT_RATIOS,
  COLOR_PALETTE_PRESETS,
  MAGIC_PROMPT_OPTIONS,
  MAGIC_PROMPT_VERSIONS,
  MODELS,
  RESOLUTIONS,
  STYLE_TYPES,
} from "./enums.ts";
import {
  COLOR_PALETTE_MEMBER_FIELDS,
  GENERATE_REQUEST_FIELDS,
  IMAGE_REQUEST_FIELDS,
  type ImageRequestField,
} from "./fields.ts";
import {
  COLOR_HEX_PATTERN,
  COLOR_WEIGHT_MAX,
  COLOR_WEIGHT_MIN,
  NUM_IMAGES_MAX,
  NUM_IMAGES_MIN,
  PALETTE_MEMBERS_MAX,
  PALETTE_MEMBERS_MIN,
  SEED_MAX,
  SEED_MIN,
} from "./limits.ts";
import {
  BLANK_MESSAGE,
  colorHexMessage,
  colorWeightMessage,
  enumMessage,
  integerRangeMessage,
  objectMessage,
  paletteMembersMessage,
  paletteShapeMessage,
  stringMessage,
  unknownKeyMessage,
} from "./messages.ts";

// The declarative contract (composable, convertible with z.toJSONSchema). validateImageRequest
// runs a hand-written twin of it (check-request.ts): zod/mini alone adds ~7.5 kB gzip, more than
// the 7 kB budget of validate + build + parse; property tests keep the twins in agreement.

interface RawIssue {
  code?: string;
  input?: unknown;
  keys?: string[];
}

function enumOf<const T extends readonly [string, ...string[]]>(values: T, label: string, listName: string) {
  return zodEnum(values, { error: (issue: RawIssue) => enumMessage(label, values, listName, issue.input) });
}

function integerFrom(min: number, max: number) {
  const error = (issue: RawIssue) => integerRangeMessage(min, max, issue.input);
  // A refinement rather than int(): int() aborts the parse, which would hide cross-field issues.
  return number({ error }).check(
    refine(Number.isInteger, { error, params: { code: "not_integer" } }),
    gte(min, { error }),
    lte(max, { error }),
  );
}

function text(purpose: string) {
  return string({ error: (issue: RawIssue) => stringMessage(purpose, issue.input) });
}

function objectError(known: readonly string[]) {
  return {
    error: (issue: RawIssue) =>
      issue.code === "unrecognized_keys"
        ? (issue.keys ?? []).map((key) => `${key}: ${unknownKeyMessage(key, known)}`).join("; ")
        : objectMessage(issue.input),
  };
}

const weightError = { error: (issue: RawIssue) => colorWeightMessage(issue.input) };
const membersError = { error: (issue: RawIssue) => paletteMembersMessage(issue.input) };

// Each schema is made by a factory called once under a pure annotation, so a bundle that
// imports only validateImageRequest drops every schema and zod with them.

function createMemberSchema() {
  return strictObject(
    {
      color_hex: string({ error: (issue: RawIssue) => colorHexMessage(issue.input) }).check(
        regex(COLOR_HEX_PATTERN, { error: (issue: RawIssue) => colorHexMessage(issue.input) }),
      ),
      color_weight: optional(
        number(weightError).check(gte(COLOR_WEIGHT_MIN, weightError), lte(COLOR_WEIGHT_MAX, weightError)),
      ),
    },
    objectError(COLOR_PALETTE_MEMBER_FIELDS),
  );
}

function createPaletteSchema(member: ReturnType<typeof createMemberSchema>) {
  return xor(
    [
      strictObject({ name: enumOf(COLOR_PALETTE_PRESETS, "colour palette preset", "COLOR_PALETTE_PRESETS") }),
      strictObject({
        members: array(member, membersError).check(
          minLength(PALETTE_MEMBERS_MIN, membersError),
          maxLength(PALETTE_MEMBERS_MAX, membersError),
        ),
      }),
    ],
    { error: (issue: RawIssue) => paletteShapeMessage(issue.input) },
  );
}

/** One colour of a custom palette: `#rgb`/`#rrggbb` plus an optional weight 0.05–1. */
export const ColorPaletteMemberSchema = /* @__PURE__ */ createMemberSchema();

/** A colour palette: exactly one of a preset `{ name }` or custom `{ members }`. */
export const ColorPaletteSchema = /* @__PURE__ */ createPaletteSchema(ColorPaletteMemberSchema);

function crossFieldCheck() {
  return superRefine<Record<string, unknown>>(
    (request, context) => {
      for (const issue of crossFieldIssues(request)) {
        context.addIssue({
          code: "custom",
          path: issue.path,
          message: issue.message,
          params: { code: issue.code },
          input: request,
          continue: true,
        });
      }
    },
    // Run even when single fields failed, so one parse reports every problem.
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );
}

function createImageRequestShape(palette: typeof ColorPaletteSchema) {
  return {
    prompt: text("describe the image to generate").check(
      refine((prompt: string) => prompt.trim() !== "", { error: BLANK_MESSAGE, params: { code: "blank" } }),
    ),
    aspect_ratio: optional(enumOf(ASPECT_RATIOS, "aspect ratio", "ASPECT_RATIOS")),
    model: optional(enumOf(MODELS, "model", "MODELS")),
    magic_prompt_option: optional(
      enumOf(MAGIC_PROMPT_OPTIONS, "magic prompt option", "MAGIC_PROMPT_OPTIONS"),
    ),
    magic_prompt_version: optional(
      enumOf(MAGIC_PROMPT_VERSIONS, "magic prompt version", "MAGIC_PROMPT_VERSIONS"),
    ),
    seed: optional(integerFrom(SEED_MIN, SEED_MAX)),
    style_type: optional(enumOf(STYLE_TYPES, "style type", "STYLE_TYPES")),
    negative_prompt: optional(text("describe what to leave out")),
    num_images: optional(integerFrom(NUM_IMAGES_MIN, NUM_IMAGES_MAX)),
    resolution: optional(enumOf(RESOLUTIONS, "resolution", "RESOLUTIONS")),
    color_palette: optional(palette),
  } satisfies Record<ImageRequestField, unknown>;
}

function createImageRequestSchema(palette: typeof ColorPaletteSchema) {
  return strictObject(createImageRequestShape(palette), objectError(IMAGE_REQUEST_FIELDS)).check(
    crossFieldCheck(),
  );
}

function createLooseImageRequestSchema(palette: typeof ColorPaletteSchema) {
  return looseObject(createImageRequestShape(palette), objectError(IMAGE_REQUEST_FIELDS)).check(
    crossFieldCheck(),
  );
}

/** `image_request` as documented: unknown fields rejected, cross-field rules enforced. */
export const ImageRequestSchema = /* @__PURE__ */ createImageRequestSchema(ColorPaletteSchema);

/** Like {@link ImageRequestSchema} but lets unknown (newer upstream) fields through untouched. */
export const LooseImageRequestSchema = /* @__PURE__ */ createLooseImageRequestSchema(ColorPaletteSchema);

function createGenerateRequestSchema(imageRequest: typeof ImageRequestSchema) {
  return strictObject({ image_request: imageRequest }, objectError(GENERATE_REQUEST_FIELDS));
}

function createLooseGenerateRequestSchema(imageRequest: typeof LooseImageRequestSchema) {
  return looseObject({ image_request: imageRequest }, objectError(GENERATE_REQUEST_FIELDS));
}

/** The `/generate` body: `{ image_request }`. */
export const GenerateRequestSchema = /* @__PURE__ */ createGenerateRequestSchema(ImageRequestSchema);

/** Like {@link GenerateRequestSchema} but lets unknown fields through at both levels. */
export const LooseGenerateRequestSchema =
  /* @__PURE__ */ createLooseGenerateRequestSchema(LooseImageRequestSchema);

/** A colour palette: `{ name }` or `{ members }`. */
export type ColorPalette = output<typeof ColorPaletteSchema>;
/** One `color_palette.members` entry. */
export type ColorPaletteMember = output<typeof ColorPaletteMemberSchema>;
/** A valid `image_request`. */
export type ImageRequest = output<typeof ImageRequestSchema>;
/** A valid `/generate` body. */
export type GenerateRequest = output<typeof GenerateRequestSchema>;
