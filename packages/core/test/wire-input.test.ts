import { describe, expect, it } from "vitest";
import {
  bodyKindsOf,
  exampleInput,
  inputFromForm,
  inputFromJson,
  OPERATIONS,
  type TableOperation,
} from "../src/index.ts";

// What the encoders write, read back: every operation's built body becomes its input again.

const target = { baseURL: "http://127.0.0.1:9/ideogram", auth: "bearer", apiKey: "test-key" } as const;

function readBack(operation: TableOperation, body: string | FormData) {
  return typeof body === "string"
    ? inputFromJson(operation, JSON.parse(body))
    : inputFromForm(operation, body);
}

describe.each(OPERATIONS.map((operation) => [operation.id, operation] as const))("%s", (_, operation) => {
  const op = operation as TableOperation;

  it.each(["minimal", "full"] as const)("reads its %s example back from the built body", async (variant) => {
    const input = exampleInput(op, variant);
    const built = op.build(input as never, target);
    const { input: read, issues } = readBack(op, built.body);
    expect(issues).toEqual([]);
    expect(op.check(read).success).toBe(true);
    expect(await op.checkFiles(read as never)).toEqual([]);
    for (const [name, value] of Object.entries(input as Record<string, unknown>)) {
      const kind = op.fields[name]?.kind;
      if (kind === "file" || kind === "file-list") continue;
      expect(read?.[name], name).toEqual(value);
    }
  });

  it("says which bodies it takes, by whether a file is required", () => {
    const kinds = bodyKindsOf(op);
    const files = Object.values(op.fields).filter((f) => f.kind === "file" || f.kind === "file-list");
    expect(kinds.includes("multipart")).toBe(files.length > 0);
    expect(kinds.includes("json")).toBe(!files.some((f) => f.required));
  });
});

describe("inputFromJson", () => {
  const generate = OPERATIONS.find((operation) => operation.id === "generate") as TableOperation;
  const v3 = OPERATIONS.find((operation) => operation.id === "v3.generate") as TableOperation;

  it("unwraps the envelope and names a missing one and any key beside it", () => {
    expect(inputFromJson(generate, { image_request: { prompt: "a" } })).toEqual({
      input: { prompt: "a" },
      issues: [],
    });
    const { input, issues } = inputFromJson(generate, { prompt: "a" });
    expect(input).toBeUndefined();
    expect(issues.map((issue) => [issue.path.join("."), issue.code])).toEqual([
      ["image_request", "required"],
      ["prompt", "unknown_key"],
    ]);
  });

  it("refuses a body that is no object", () => {
    expect(inputFromJson(v3, [1]).issues[0]?.code).toBe("invalid_type");
    expect(inputFromJson(generate, "text").issues[0]?.code).toBe("invalid_type");
  });
});

describe("inputFromForm", () => {
  const v3 = OPERATIONS.find((operation) => operation.id === "v3.generate") as TableOperation;

  it("reads numbers, lists and palettes by the field's kind, and passes unreadable text on for check to name", () => {
    const form = new FormData();
    form.append("prompt", "a cat");
    form.append("seed", "12");
    form.append("num_images", "two");
    form.append("style_codes", "AAAAAAAA");
    form.append("color_palette", '{"name":"EMBER"}');
    const { input } = inputFromForm(v3, form);
    expect(input).toEqual({
      prompt: "a cat",
      seed: 12,
      num_images: "two",
      style_codes: ["AAAAAAAA"],
      color_palette: { name: "EMBER" },
    });
    const result = v3.check(input);
    expect(result.success ? [] : result.issues.map((issue) => issue.path.join("."))).toEqual(["num_images"]);
  });

  it("keeps the form's files as they are (no copy)", () => {
    const file = new File([new Uint8Array([1, 2, 3])], "ref.png", { type: "image/png" });
    const form = new FormData();
    form.append("prompt", "a");
    form.append("style_reference_images", file);
    const read = inputFromForm(v3, form).input?.style_reference_images as File[];
    expect(read).toHaveLength(1);
    expect(read[0]?.size).toBe(3);
    expect(read[0]?.name).toBe("ref.png");
  });
});
