import { describe, expect, it } from "vitest";
import {
  DEFAULT_NUM_IMAGES,
  type ImageRequest,
  imageRequestValidator,
  MODELS,
  type Model,
  modelSupports,
  RequestValidationError,
  validateGenerateRequest,
  validateImageRequest,
} from "../src/index.ts";
import { issueAt, issuesOf } from "./support.ts";

const prompt = "a lighthouse at dusk";

function accepts(input: unknown): boolean {
  try {
    validateImageRequest(input);
    return true;
  } catch (error) {
    if (error instanceof RequestValidationError) return false;
    throw error;
  }
}

describe("prompt", () => {
  it.each([
    [{}, "required", "required; describe the image to generate"],
    [{ prompt: 42 }, "invalid_type", "must be a string, got 42"],
    [{ prompt: "" }, "blank", "must not be blank"],
    [{ prompt: " \n\t " }, "blank", "must not be blank"],
  ])("%j is rejected (%s)", (input, code, message) => {
    expect(issueAt(input, "prompt")).toEqual({ path: ["prompt"], code, message });
  });

  it("is returned untouched, surrounding spaces included", () => {
    expect(validateImageRequest({ prompt: "  hi  " })).toEqual({ prompt: "  hi  " });
  });
});

describe.each([
  ["seed", 0, 2147483647],
  ["num_images", 1, 8],
] as const)("%s range %i..%i", (field, min, max) => {
  it.each([min, min + 1, max - 1, max])("accepts %d", (value) => {
    expect(validateImageRequest({ prompt, [field]: value })).toEqual({ prompt, [field]: value });
  });

  it.each([
    [min - 1, "too_small"],
    [max + 1, "too_big"],
    [min + 0.5, "not_integer"],
    [Number.POSITIVE_INFINITY, "invalid_type"],
    [Number.NaN, "invalid_type"],
    [String(min), "invalid_type"],
    [null, "invalid_type"],
  ])("rejects %s (%s)", (value, code) => {
    const issue = issueAt({ prompt, [field]: value }, field);
    expect(issue.code).toBe(code);
    expect(issue.message).toMatch(new RegExp(`^must be an integer from ${min} to ${max}, got `));
  });
});

describe("seed boundaries from the issue", () => {
  it.each([
    [-1, false],
    [0, true],
    [2147483647, true],
    [2147483648, false],
  ])("seed %d accepted: %s", (seed, ok) => {
    expect(accepts({ prompt, seed })).toBe(ok);
  });

  it.each([
    [0, false],
    [1, true],
    [8, true],
    [9, false],
  ])("num_images %d accepted: %s", (num_images, ok) => {
    expect(accepts({ prompt, num_images })).toBe(ok);
  });

  it("names the service's default num_images (1) without filling it into requests", () => {
    expect(DEFAULT_NUM_IMAGES).toBe(1);
    expect(validateImageRequest({ prompt, num_images: DEFAULT_NUM_IMAGES })).toEqual({
      prompt,
      num_images: DEFAULT_NUM_IMAGES,
    });
    expect(validateImageRequest({ prompt })).toEqual({ prompt });
  });
});

describe("negative_prompt", () => {
  it("accepts a string, rejects other types", () => {
    expect(validateImageRequest({ prompt, negative_prompt: "blur" })).toEqual({
      prompt,
      negative_prompt: "blur",
    });
    expect(issueAt({ prompt, negative_prompt: ["blur"] }, "negative_prompt").message).toBe(
      "must be a string, got an array",
    );
  });
});

describe("color_palette", () => {
  const accepted = [
    { name: "PASTEL" },
    { members: [{ color_hex: "#fff" }] },
    { members: [{ color_hex: "#FFAA00", color_weight: 1 }] },
    { members: [{ color_hex: "#b470b3", color_weight: 0.05 }] },
    {
      members: Array.from({ length: 8 }, (_, index) => ({
        color_hex: `#${index}${index}${index}`,
        color_weight: 0.5,
      })),
    },
  ];
  it.each(accepted)("accepts %j", (color_palette) => {
    expect(validateImageRequest({ prompt, color_palette })).toEqual({ prompt, color_palette });
  });

  it.each([
    [{ name: "PASTEL", members: [{ color_hex: "#fff" }] }, "color_palette", "invalid_palette"],
    [{}, "color_palette", "invalid_palette"],
    ["PASTEL", "color_palette", "invalid_palette"],
    [[{ color_hex: "#fff" }], "color_palette", "invalid_palette"],
    [{ name: "pastel" }, "color_palette.name", "invalid_enum"],
    [{ members: [] }, "color_palette.members", "too_small"],
    [
      { members: Array.from({ length: 9 }, () => ({ color_hex: "#000" })) },
      "color_palette.members",
      "too_big",
    ],
    [{ members: "#fff" }, "color_palette.members", "invalid_type"],
    [{ members: ["#fff"] }, "color_palette.members.0", "invalid_type"],
    [{ members: [{}] }, "color_palette.members.0.color_hex", "required"],
    [{ members: [{ color_hex: "fff" }] }, "color_palette.members.0.color_hex", "invalid_format"],
    [{ members: [{ color_hex: "#ffff" }] }, "color_palette.members.0.color_hex", "invalid_format"],
    [{ members: [{ color_hex: "#ggg" }] }, "color_palette.members.0.color_hex", "invalid_format"],
    [{ members: [{ color_hex: 0xffffff }] }, "color_palette.members.0.color_hex", "invalid_type"],
    [
      { members: [{ color_hex: "#fff", color_weight: 0.04 }] },
      "color_palette.members.0.color_weight",
      "too_small",
    ],
    [
      { members: [{ color_hex: "#fff", color_weight: 1.01 }] },
      "color_palette.members.0.color_weight",
      "too_big",
    ],
    [
      { members: [{ color_hex: "#fff", color_weight: "0.5" }] },
      "color_palette.members.0.color_weight",
      "invalid_type",
    ],
    [{ members: [{ color_hex: "#fff", weight: 0.5 }] }, "color_palette.members.0.weight", "unknown_key"],
    [{ name: "PASTEL", colors: [] }, "color_palette.colors", "unknown_key"],
  ])("rejects %j at %s (%s)", (color_palette, field, code) => {
    expect(issueAt({ prompt, color_palette }, field).code).toBe(code);
  });

  it("explains the two shapes", () => {
    expect(issueAt({ prompt, color_palette: { name: "PASTEL", members: [] } }, "color_palette").message).toBe(
      "set exactly one of name or members, not both",
    );
    expect(issueAt({ prompt, color_palette: {} }, "color_palette").message).toBe(
      "needs either name (a preset such as PASTEL) or members (1 to 8 colours)",
    );
    expect(
      issueAt(
        { prompt, color_palette: { members: [{ color_hex: "#fff", weight: 1 }] } },
        "color_palette.members.0.weight",
      ).message,
    ).toBe('unknown field; did you mean "color_weight"?');
  });

  it("reports every bad member at once", () => {
    const issues = issuesOf({
      prompt,
      color_palette: {
        members: [{ color_hex: "red" }, { color_hex: "#fff" }, { color_hex: "blue", color_weight: 3 }],
      },
    });
    expect(issues.map((issue) => issue.path.join("."))).toEqual([
      "color_palette.members.0.color_hex",
      "color_palette.members.2.color_hex",
      "color_palette.members.2.color_weight",
    ]);
  });
});

describe("cross-field rules", () => {
  it("rejects aspect_ratio together with resolution, accepts each alone", () => {
    expect(
      issueAt({ prompt, aspect_ratio: "ASPECT_1_1", resolution: "RESOLUTION_1024_1024" }, "resolution"),
    ).toEqual({
      path: ["resolution"],
      code: "conflict",
      message: "cannot be combined with aspect_ratio; send only one of them",
    });
    expect(() => validateImageRequest({ prompt, aspect_ratio: "ASPECT_1_1" })).not.toThrow();
    expect(() => validateImageRequest({ prompt, resolution: "RESOLUTION_1024_1024" })).not.toThrow();
  });

  const rules: [string, unknown, readonly Model[]][] = [
    ["resolution", "RESOLUTION_1024_1024", ["V_2", "V_2_TURBO"]],
    ["style_type", "REALISTIC", ["V_2", "V_2_TURBO", "V_2A", "V_2A_TURBO", "V_3", "AUTO"]],
    ["negative_prompt", "blur", ["V_1", "V_1_TURBO", "V_2", "V_2_TURBO", "AUTO"]],
    ["color_palette", { name: "EMBER" }, ["V_2", "V_2_TURBO", "V_3", "AUTO"]],
  ];

  describe.each(rules)("%s", (field, value, supportedBy) => {
    it.each([...MODELS])(`with model %s`, (model) => {
      const request = { prompt, model, [field]: value };
      if (supportedBy.includes(model)) {
        expect(validateImageRequest(request)).toEqual(request);
      } else {
        expect(issueAt(request, field)).toEqual({
          path: [field],
          code: "unsupported_by_model",
          message: `not supported by model "${model}"; remove it or use ${supportedBy.join(", ")}`,
        });
      }
      expect(modelSupports(model, field as Parameters<typeof modelSupports>[1])).toBe(
        supportedBy.includes(model),
      );
    });

    it("is accepted without a model (the default is V_2)", () => {
      expect(() => validateImageRequest({ prompt, [field]: value })).not.toThrow();
    });
  });

  it("skips model rules while the model itself is invalid", () => {
    const issues = issuesOf({ prompt, model: "V_9", style_type: "AUTO", negative_prompt: "x" });
    expect(issues.map((issue) => issue.path.join("."))).toEqual(["model"]);
  });
});

describe("unknown keys", () => {
  it("rejects camelCase with the snake_case suggestion", () => {
    expect(issueAt({ prompt, aspectRatio: "ASPECT_1_1" }, "aspectRatio")).toEqual({
      path: ["aspectRatio"],
      code: "unknown_key",
      message: 'unknown field; did you mean "aspect_ratio"?',
    });
    expect(issueAt({ prompt, numImages: 2 }, "numImages").message).toBe(
      'unknown field; did you mean "num_images"?',
    );
    expect(issueAt({ prompt, negativ_prompt: "x" }, "negativ_prompt").message).toBe(
      'unknown field; did you mean "negative_prompt"?',
    );
  });

  it("lists the known fields when nothing is close", () => {
    expect(issueAt({ prompt, webhook: "https://example.test" }, "webhook").message).toBe(
      "unknown field. Known fields: prompt, aspect_ratio, model, magic_prompt_option, magic_prompt_version, seed, style_type, negative_prompt, num_images, resolution, color_palette",
    );
  });

  it("points at the envelope when given { image_request }", () => {
    const issues = issuesOf({ image_request: { prompt } });
    expect(issues.map((issue) => issue.code)).toEqual(["required", "unknown_key"]);
    expect(issues[1]?.message).toContain("use validateGenerateRequest");
  });

  it("passes them through untouched with unknownKeys: passthrough", () => {
    const request = { prompt, rendering_speed: "TURBO", aspectRatio: { nested: [1] } };
    const validated = validateImageRequest(request, { unknownKeys: "passthrough" });
    expect(validated).toEqual(request);
  });

  it("still applies every other rule in passthrough mode", () => {
    expect(
      issuesOf({ prompt, seed: -1, extra: true }, { unknownKeys: "passthrough" }).map((issue) => issue.code),
    ).toEqual(["too_small"]);
  });
});

describe("imageRequestValidator (a client's validate option)", () => {
  const typo = { prompt, aspect_ration: "ASPECT_16_9" } as unknown as ImageRequest;
  const outOfRange = { prompt, seed: -1 };

  it("true rejects unknown fields with core's issues and returns a valid request as is", () => {
    const validate = imageRequestValidator(true);

    expect(() => validate(typo)).toThrow(RequestValidationError);
    expect(() => validate(typo)).toThrow(/did you mean "aspect_ratio"/);
    const valid = { prompt, seed: 7 };
    expect(validate(valid)).toBe(valid);
  });

  it('"passthrough" lets unknown fields through and still applies every other rule', () => {
    const validate = imageRequestValidator("passthrough");

    expect(validate(typo)).toBe(typo);
    expect(() => validate(outOfRange)).toThrow(RequestValidationError);
  });

  it("false checks nothing", () => {
    const validate = imageRequestValidator(false);

    expect(validate(typo)).toBe(typo);
    expect(validate(outOfRange)).toBe(outOfRange);
  });
});

describe("RequestValidationError", () => {
  it("names every offending field at once, in one readable message", () => {
    let caught: unknown;
    try {
      validateImageRequest({ prompt: " ", aspect_ratio: "16:9", seed: -1, num_images: 9, aspectRatio: "x" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RequestValidationError);
    const error = caught as RequestValidationError;
    expect(error.name).toBe("RequestValidationError");
    expect(error.issues.map((issue) => issue.path[0])).toEqual([
      "prompt",
      "aspect_ratio",
      "seed",
      "num_images",
      "aspectRatio",
    ]);
    expect(error.message).toBe(
      [
        "Invalid image request (5 issues):",
        "  - prompt: must not be blank",
        `  - aspect_ratio: "16:9" is not a valid aspect ratio; did you mean "ASPECT_16_9"? Allowed: ASPECT_10_16, ASPECT_16_10, ASPECT_9_16, ASPECT_16_9, ASPECT_3_2, ASPECT_2_3, ASPECT_4_3, ASPECT_3_4, ASPECT_1_1, ASPECT_1_3, ASPECT_3_1`,
        "  - seed: must be an integer from 0 to 2147483647, got -1",
        "  - num_images: must be an integer from 1 to 8, got 9",
        '  - aspectRatio: unknown field; did you mean "aspect_ratio"?',
      ].join("\n"),
    );
  });

  it.each([null, "prompt", 3, [], true])("rejects a non-object %j at the root", (input) => {
    expect(issuesOf(input)).toEqual([
      { path: [], code: "invalid_type", message: expect.stringMatching(/^must be an object, got /) },
    ]);
  });
});

describe("validateGenerateRequest", () => {
  it("accepts the envelope and returns it", () => {
    const body = { image_request: { prompt, model: "V_2" } };
    expect(validateGenerateRequest(body)).toEqual(body);
  });

  it("prefixes paths with image_request", () => {
    let caught: unknown;
    try {
      validateGenerateRequest({ image_request: { prompt, aspect_ratio: "16:9" }, stream: true });
    } catch (error) {
      caught = error;
    }
    const error = caught as RequestValidationError;
    expect(error.issues.map((issue) => issue.path)).toEqual([["image_request", "aspect_ratio"], ["stream"]]);
    expect(error.message).toContain(
      '  - image_request.aspect_ratio: "16:9" is not a valid aspect ratio; did you mean "ASPECT_16_9"?',
    );
  });

  it("requires image_request", () => {
    expect(() => validateGenerateRequest({ prompt })).toThrow(/image_request: required/);
  });

  it("passes unknown fields through at both levels on request", () => {
    const body = { image_request: { prompt, future: 1 }, trace: "x" };
    expect(validateGenerateRequest(body, { unknownKeys: "passthrough" })).toEqual(body);
  });
});
