import { describe, expect, it } from "vitest";
import {
  exampleInput,
  type Field,
  inputSchema,
  OPERATIONS,
  operationById,
  safeParseGenerateResponse,
  safeValidateGenerateRequest,
  safeValidateImageRequest,
  type TableOperation,
  type ValidationIssue,
} from "../src/index.ts";
import { gif, padded, png } from "./file-bytes.ts";

// Every operation of the table through the same cases, from its own data: what holds for one
// entry holds for all, and a new entry is tested by being added.

const target = { baseURL: "http://127.0.0.1:9/ideogram", auth: "bearer", apiKey: "test-key" } as const;

function issuesOf(operation: TableOperation, input: unknown): readonly ValidationIssue[] {
  const result = operation.check(input);
  return result.success ? [] : result.issues;
}

const at = (issues: readonly ValidationIssue[], ...path: (string | number)[]) =>
  issues.filter((issue) => issue.path.join(".") === path.join("."));

/** Values of the wrong type or out of range for a field, each with the code it must give. */
function invalidValues(field: Field): [unknown, string][] {
  switch (field.kind) {
    case "string":
      return [
        [42, "invalid_type"],
        ...(field.notBlank ? ([["  ", "blank"]] as [unknown, string][]) : []),
        ...(field.pattern ? ([["not the pattern", "invalid_format"]] as [unknown, string][]) : []),
      ];
    case "integer":
      return [
        ["1", "invalid_type"],
        [(field.min ?? 0) + 0.5, "not_integer"],
        ...(field.min === undefined ? [] : ([[field.min - 1, "too_small"]] as [unknown, string][])),
        ...(field.max === undefined ? [] : ([[field.max + 1, "too_big"]] as [unknown, string][])),
      ];
    case "number":
      return [
        ["1", "invalid_type"],
        [(field.max ?? 0) + 1, "too_big"],
      ];
    case "boolean":
      return [["yes", "invalid_type"]];
    case "enum":
      return [
        ["NOT_A_VALUE", "invalid_enum"],
        [3, "invalid_enum"],
      ];
    case "string-list":
      return [["AB12CD34", "invalid_type"]];
    case "palette":
      return [[{ name: "PASTEL", members: [{ color_hex: "#fff" }] }, "invalid_palette"]];
    case "file":
      return [["./image.png", "invalid_type"]];
    case "file-list":
      return [["./image.png", "invalid_type"]];
  }
}

const fieldCases = OPERATIONS.flatMap((operation) =>
  (operation as TableOperation).fieldNames.flatMap((name) =>
    invalidValues((operation as TableOperation).fields[name] as Field).map(
      ([value, code]) => [operation.id, name, value, code] as const,
    ),
  ),
);

describe.each(OPERATIONS.map((operation) => [operation.id, operation as TableOperation] as const))(
  "%s",
  (id, operation) => {
    it.each(["minimal", "full"] as const)("accepts its %s example, files included", async (variant) => {
      const input = exampleInput(operation, variant);
      expect(operation.check(input)).toEqual({ success: true, data: input });
      expect(await operation.checkFiles(input)).toEqual([]);
      expect(inputSchema(operation).safeParse(input).success).toBe(true);
    });

    it("is found by its id", () => {
      expect(operationById(id)).toBe(operation);
    });

    it("names each missing required field", () => {
      const required = [
        ...operation.fieldNames.filter((name) => operation.fields[name]?.required),
        ...(operation.rules.atLeastOne ?? []).map((group) => group[0]),
      ];
      const issues = issuesOf(operation, {});
      expect(issues.filter((issue) => issue.code === "required").map((issue) => issue.path[0])).toEqual(
        required,
      );
    });

    it("rejects a non-object, an unknown field (with a hint) and lets it pass on request", () => {
      expect(issuesOf(operation, "text")).toEqual([
        { path: [], code: "invalid_type", message: 'must be an object, got "text"' },
      ]);
      const input = { ...exampleInput(operation, "minimal"), [`${operation.fieldNames[0]}x`]: 1 };
      expect(issuesOf(operation, input)).toEqual([
        expect.objectContaining({ code: "unknown_key", message: expect.stringContaining("did you mean") }),
      ]);
      expect(operation.check(input, { unknownKeys: "passthrough" }).success).toBe(true);
    });

    it.each(operation.rules.exclusive ?? [])("rejects %s together with %s", (first, second) => {
      const minimal = exampleInput(operation, "minimal") as Record<string, unknown>;
      const both = {
        ...minimal,
        [first]: exampleOf(operation, first),
        [second]: exampleOf(operation, second),
      };
      const issues = issuesOf(operation, both);
      expect(at(issues, second)).toEqual([
        {
          path: [second],
          code: "conflict",
          message: `cannot be combined with ${first}; send only one of them`,
        },
      ]);
      const [schemaIssue] = inputSchema(operation).safeParse(both).error?.issues ?? [];
      expect(schemaIssue?.message).toBe(`cannot be combined with ${first}; send only one of them`);
    });

    it.each(operation.rules.sameCount ?? [])("needs as many %s as %s", (list, other) => {
      const input = { ...exampleInput(operation, "full"), [list]: [] };
      expect(at(issuesOf(operation, input), list)).toEqual([
        expect.objectContaining({ code: "conflict", message: expect.stringContaining(`per ${other} item`) }),
      ]);
    });

    it.each(operation.rules.model?.only === undefined ? [] : [operation.rules.model])(
      "takes only the models its rule lists",
      (rule) => {
        const other = operation.fields[rule.field]?.values?.find(
          (model) => !rule.only?.includes(model as never),
        );
        const input = { ...exampleInput(operation, "minimal"), [rule.field]: other };
        expect(at(issuesOf(operation, input), rule.field)).toEqual([
          expect.objectContaining({ code: "unsupported_by_model" }),
        ]);
      },
    );

    it("builds a request for its official path", () => {
      const request = operation.build(exampleInput(operation, "minimal"), target);
      expect(request.url).toBe(`${target.baseURL}${operation.path}`);
      expect(request.headers.Authorization).toBe("Bearer test-key");
    });
  },
);

describe.each(fieldCases)("%s.%s = %j", (id, name, value, code) => {
  it(`is rejected with ${code}, at its path, in every API`, () => {
    const operation = operationById(id) as TableOperation;
    const input = { ...exampleInput(operation, "minimal"), [name]: value };
    const result = operation.check(input);
    expect(result.success).toBe(false);
    const issues = result.success ? [] : result.issues;
    expect(issues.find((issue) => issue.path[0] === name)).toEqual({
      path: [name],
      code,
      message: expect.any(String),
    });
    expect(inputSchema(operation).safeParse(input).success).toBe(false);
  });
});

function pngBlob(width: number, height: number): Blob {
  return new Blob([png(width, height) as Uint8Array<ArrayBuffer>], { type: "image/png" });
}

function exampleOf(operation: TableOperation, name: string): unknown {
  const field = operation.fields[name] as Field;
  if (field.kind === "file") return pngBlob(2, 2);
  if (field.kind === "file-list") return [pngBlob(2, 2)];
  return field.example;
}

const fileFields = OPERATIONS.flatMap((operation) =>
  (operation as TableOperation).fileRules.map((rule) => [operation.id, rule.field, rule] as const),
);

describe.each(fileFields)("%s file field %s", (id, name, rule) => {
  const operation = operationById(id) as TableOperation;
  const field = operation.fields[name] as Field;
  const wrap = (file: unknown) => (field.kind === "file-list" ? [file] : file);
  const base = () => exampleInput(operation, "full") as Record<string, unknown>;

  it("refuses a format the field does not take (a GIF), by its bytes", async () => {
    const input = {
      ...base(),
      [name]: wrap(new Blob([gif(2, 2) as Uint8Array<ArrayBuffer>], { type: "image/png" })),
    };
    const issues = await operation.checkFiles(input);
    expect(issues.map((issue) => issue.code)).toContain("invalid_file_format");
  });

  it.runIf(rule.maxBytes !== undefined)("refuses a file over its size limit", async () => {
    const big = padded(png(2, 2), (rule.maxBytes ?? 0) + 1);
    const issues = await operation.checkFiles({ ...base(), [name]: wrap(big) });
    expect(issues.map((issue) => issue.code)).toContain("file_too_big");
  });

  it.runIf(field.max !== undefined)("refuses more files than it takes, before reading any", () => {
    const files = Array.from({ length: (field.max ?? 0) + 1 }, () => pngBlob(2, 2));
    const issues = at(issuesOf(operation, { ...base(), [name]: files }), name);
    expect(issues).toContainEqual(expect.objectContaining({ code: "too_big" }));
  });

  it.runIf(rule.sameSizeAs !== undefined)("refuses a mask of another size than its image", async () => {
    const issues = await operation.checkFiles({ ...base(), [name]: wrap(pngBlob(3, 2)) });
    expect(issues.map((issue) => issue.code)).toContain("size_mismatch");
  });
});

describe("responses", () => {
  it.each(OPERATIONS.map((operation) => [operation.id, operation as TableOperation] as const))(
    "%s: safeParse names a wrong body without throwing; parse throws it",
    (_id, operation) => {
      // Wrong for every response kind: each reads at least one of these.
      const wrong = { created: 1, data: "none", descriptions: "none", magic_prompt: 3, base_image_url: 4 };
      const result = operation.safeParse(wrong);
      expect(result.success).toBe(false);
      expect(() => operation.parse(wrong)).toThrow(/Unexpected/);
      expect(operation.safeParse("text")).toEqual({
        success: false,
        issues: [
          { path: [], code: "invalid_type", message: expect.stringMatching(/^expected a JSON object/) },
        ],
      });
    },
  );
});

const modelCases = OPERATIONS.flatMap((operation) => {
  const table = operation as TableOperation;
  const rule = table.rules.model;
  if (rule === undefined) return [];
  const models = table.fields[rule.field]?.values ?? [];
  return table.fieldNames.flatMap((name) => {
    const supported = table.fields[name]?.models;
    const refusing = models.find((model) => supported !== undefined && !supported.includes(model as never));
    return refusing === undefined ? [] : [[table.id, name, refusing] as const];
  });
});

describe.each(modelCases)("%s.%s with model %s", (id, name, model) => {
  it("is refused as unsupported by that model, naming the models that take it", () => {
    const operation = operationById(id) as TableOperation;
    const field = operation.fields[name] as Field;
    const input = { ...exampleInput(operation, "minimal"), model, [name]: exampleOf(operation, name) };
    expect(at(issuesOf(operation, input), name)).toEqual([
      {
        path: [name],
        code: "unsupported_by_model",
        message: `not supported by model "${model}"; remove it or use ${field.models?.join(", ")}`,
      },
    ]);
  });
});

describe("the legacy functions' safe variants", () => {
  it("answer like the throwing ones, without throwing", () => {
    expect(safeValidateImageRequest({ prompt: "x", seed: -1 })).toEqual({
      success: false,
      issues: [expect.objectContaining({ path: ["seed"], code: "too_small" })],
    });
    expect(safeValidateImageRequest({ prompt: "x" })).toEqual({ success: true, data: { prompt: "x" } });
    expect(safeValidateGenerateRequest({ image_request: { prompt: " " }, extra: 1 })).toEqual({
      success: false,
      issues: [
        expect.objectContaining({ path: ["image_request", "prompt"], code: "blank" }),
        expect.objectContaining({ path: ["extra"], code: "unknown_key" }),
      ],
    });
    expect(safeParseGenerateResponse({ created: "2024-01-01T00:00:00Z" })).toEqual({
      success: false,
      issues: [expect.objectContaining({ path: ["data"], code: "required" })],
    });
  });
});

describe("legacy edit", () => {
  it("takes only the models the spec allows there (V_2, V_2_TURBO)", () => {
    const operation = operationById("edit") as TableOperation;
    const input = { ...exampleInput(operation, "minimal"), model: "V_3" };
    expect(issuesOf(operation, input)).toEqual([
      {
        path: ["model"],
        code: "unsupported_by_model",
        message: '"V_3" is not available on this endpoint; use V_2 or V_2_TURBO',
      },
    ]);
    expect(operation.check({ ...input, model: "V_2_TURBO" }).success).toBe(true);
  });
});
