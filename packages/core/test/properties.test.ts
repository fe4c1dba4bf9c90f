import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ASPECT_RATIOS,
  buildGenerateRequest,
  COLOR_PALETTE_PRESETS,
  GenerateRequestSchema,
  ImageRequestSchema,
  MAGIC_PROMPT_OPTIONS,
  MAGIC_PROMPT_VERSIONS,
  MODELS,
  modelSupports,
  RESOLUTIONS,
  RequestValidationError,
  ResponseValidationError,
  STYLE_TYPES,
  validateGenerateRequest,
  validateImageRequest,
} from "../src/index.ts";

// Fixed seed keeps CI deterministic; FC_SEED / FC_RUNS hunt for counter-examples locally.
const params = { seed: Number(process.env.FC_SEED ?? 4242), numRuns: Number(process.env.FC_RUNS ?? 400) };

function outcome(run: () => unknown): "accepted" | "rejected" {
  try {
    run();
    return "accepted";
  } catch (error) {
    if (error instanceof RequestValidationError || error instanceof ResponseValidationError)
      return "rejected";
    throw error;
  }
}

const mostly = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: invalid });

const enumField = (values: readonly string[]) =>
  mostly(
    fc.constantFrom(...values),
    fc.oneof(
      fc.string(),
      fc.constantFrom(...values).map((value) => value.toLowerCase()),
      fc.integer(),
    ),
  );

const member = fc.record(
  {
    color_hex: mostly(
      fc.oneof(fc.stringMatching(/^#[0-9a-fA-F]{3}$/), fc.stringMatching(/^#[0-9a-fA-F]{6}$/)),
      fc.oneof(fc.string(), fc.stringMatching(/^#[0-9a-f]{4,5}$/)),
    ),
    color_weight: mostly(
      fc.double({ min: 0.05, max: 1, noNaN: true }),
      fc.oneof(fc.double(), fc.constant("0.5")),
    ),
  },
  { requiredKeys: ["color_hex"] },
);

const palette = mostly(
  fc.oneof(
    fc.record({ name: enumField(COLOR_PALETTE_PRESETS) }),
    fc.record({ members: fc.array(member, { minLength: 1, maxLength: 8 }) }),
  ),
  fc.oneof(
    fc.record({ members: fc.array(member, { maxLength: 10 }) }),
    fc.record({ name: enumField(COLOR_PALETTE_PRESETS), members: fc.array(member, { maxLength: 2 }) }),
    fc.record({ name: fc.constant("PASTEL"), extra: fc.jsonValue() }),
    fc.jsonValue(),
  ),
);

/** Requests that are wrong in every documented way some of the time. */
const nearValidRequest = fc.record(
  {
    prompt: mostly(fc.string({ minLength: 1 }), fc.oneof(fc.constantFrom("", "  ", "\n"), fc.jsonValue())),
    aspect_ratio: enumField(ASPECT_RATIOS),
    model: enumField(MODELS),
    magic_prompt_option: enumField(MAGIC_PROMPT_OPTIONS),
    magic_prompt_version: enumField(MAGIC_PROMPT_VERSIONS),
    seed: mostly(
      fc.integer({ min: 0, max: 2147483647 }),
      fc.oneof(fc.integer(), fc.double(), fc.constant("1")),
    ),
    style_type: enumField(STYLE_TYPES),
    negative_prompt: mostly(fc.string(), fc.jsonValue()),
    num_images: mostly(
      fc.integer({ min: 1, max: 8 }),
      fc.oneof(fc.integer({ min: -2, max: 12 }), fc.double()),
    ),
    resolution: enumField(RESOLUTIONS),
    color_palette: palette,
  },
  { requiredKeys: [] },
);

/** Requests built to be valid: only fields the chosen model supports, never aspect_ratio with resolution. */
const validRequest = fc
  .record(
    {
      prompt: fc.string({ minLength: 1 }).filter((prompt) => prompt.trim() !== ""),
      aspect_ratio: fc.constantFrom(...ASPECT_RATIOS),
      model: fc.constantFrom(...MODELS),
      magic_prompt_option: fc.constantFrom(...MAGIC_PROMPT_OPTIONS),
      magic_prompt_version: fc.constantFrom(...MAGIC_PROMPT_VERSIONS),
      seed: fc.integer({ min: 0, max: 2147483647 }),
      style_type: fc.constantFrom(...STYLE_TYPES),
      negative_prompt: fc.string(),
      num_images: fc.integer({ min: 1, max: 8 }),
      resolution: fc.constantFrom(...RESOLUTIONS),
      color_palette: fc.oneof(
        fc.record({ name: fc.constantFrom(...COLOR_PALETTE_PRESETS) }),
        fc.record({
          members: fc.array(
            fc.record(
              {
                color_hex: fc.stringMatching(/^#(?:[0-9a-fA-F]{3}){1,2}$/),
                color_weight: fc.double({ min: 0.05, max: 1, noNaN: true }),
              },
              { requiredKeys: ["color_hex"] },
            ),
            { minLength: 1, maxLength: 8 },
          ),
        }),
      ),
    },
    { requiredKeys: ["prompt"] },
  )
  .map((request) => {
    const fitting: Record<string, unknown> = { ...request };
    if (fitting.resolution !== undefined) delete fitting.aspect_ratio;
    for (const field of ["resolution", "style_type", "negative_prompt", "color_palette"] as const) {
      if (!modelSupports(request.model, field)) delete fitting[field];
    }
    return fitting;
  });

const imageRequest = fc.oneof(validRequest, nearValidRequest);

describe("round trip", () => {
  it("any request the schema accepts builds a body that parses back to the same request", () => {
    fc.assert(
      fc.property(imageRequest, (input) => {
        fc.pre(ImageRequestSchema.safeParse(input).success);
        const request = validateImageRequest(input);
        const { body } = buildGenerateRequest(request, { auth: "none" });
        const parsed = JSON.parse(body);
        expect(parsed).toEqual({ image_request: input });
        expect(validateGenerateRequest(parsed).image_request).toEqual(input);
        expect(GenerateRequestSchema.parse(parsed)).toEqual({ image_request: input });
      }),
      { ...params, numRuns: 200 },
    );
  });
});

describe("robustness", () => {
  it("validateImageRequest throws nothing but RequestValidationError on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        for (const unknownKeys of ["reject", "passthrough"] as const) {
          try {
            validateImageRequest(input, { unknownKeys });
          } catch (error) {
            expect(error).toBeInstanceOf(RequestValidationError);
            expect((error as RequestValidationError).issues.length).toBeGreaterThan(0);
          }
        }
      }),
      params,
    );
  });

  it("validateImageRequest copes with any JavaScript value", () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }),
        (input) => {
          expect(["accepted", "rejected"]).toContain(outcome(() => validateImageRequest(input)));
        },
      ),
      params,
    );
  });
});
