import {
  editOperation,
  examplePng,
  generateOperation,
  OPERATIONS,
  type TableOperation,
  upscaleOperation,
  v3EditOperation,
  v3GenerateDesignOperation,
} from "@ideokit/core";
import { describe, expect, it } from "vitest";
import { toRequestDraft } from "../src/form-values.ts";
import { fieldMessage } from "../src/issue-fields.ts";
import { controlsFor, fieldLabel, operationLabel } from "../src/operation-fields.ts";

const operations = OPERATIONS as readonly TableOperation[];

describe("controlsFor", () => {
  it("gives every field of every operation a control, in the table's order", () => {
    for (const operation of operations) {
      expect(controlsFor(operation).map((spec) => spec.name)).toEqual([...operation.fieldNames]);
    }
  });

  it("offers exactly an enum's values (as a model rule narrows them), after a default entry unless the field is required", () => {
    for (const operation of operations) {
      for (const spec of controlsFor(operation)) {
        const field = operation.fields[spec.name]!;
        if (field.kind !== "enum") continue;
        const values = spec.options?.map(([value]) => value);
        const only = operation.rules.model?.field === spec.name ? operation.rules.model.only : undefined;
        const allowed = field.values!.filter(
          (value) => only === undefined || (only as readonly string[]).includes(value),
        );
        expect(values).toEqual(field.required ? allowed : ["", ...allowed]);
      }
    }
  });

  it("names an enum's default in its default entry, once", () => {
    const labels = operations.flatMap((operation) =>
      controlsFor(operation).flatMap((spec) => {
        const field = operation.fields[spec.name]!;
        const first = spec.options?.[0];
        return field.kind === "enum" && first?.[0] === ""
          ? [{ default: field.default, label: first[1] }]
          : [];
      }),
    );
    expect(labels).toContainEqual({ default: "DEFAULT", label: "Default" });
    expect(labels).toContainEqual({ default: "ASPECT_1_1", label: "Default (1:1)" });
    for (const { label } of labels) expect(label).not.toMatch(/Default \(Default\)/);
  });

  it("takes number bounds, required flags and the spec's description from core", () => {
    const numImages = controlsFor(generateOperation).find((spec) => spec.name === "num_images")!;
    const field = generateOperation.fields.num_images;
    expect(numImages).toMatchObject({
      control: "number",
      min: field.min,
      max: field.max,
      step: "1",
      hint: field.description,
    });
    const prompt = controlsFor(generateOperation).find((spec) => spec.name === "prompt")!;
    expect(prompt).toMatchObject({ control: "textarea", required: true, primary: true, label: "Prompt" });
  });

  it("gives file fields a file control and a mask the painter over its image", () => {
    const controls = controlsFor(v3EditOperation);
    expect(controls.find((spec) => spec.name === "image")).toMatchObject({
      control: "file",
      accept: expect.stringContaining("image/png"),
    });
    expect(controls.find((spec) => spec.name === "mask")).toMatchObject({ control: "file", maskOf: "image" });
    expect(controlsFor(editOperation).find((spec) => spec.name === "mask")?.maskOf).toBe("image_file");
    // Pastes and reused results go only where images are taken, never into a font field.
    const design = controlsFor(v3GenerateDesignOperation);
    expect(design.find((spec) => spec.name === "font_file_h1")).toMatchObject({
      control: "file",
      takesImages: false,
      accept: expect.stringContaining(".ttf"),
    });
    expect(design.find((spec) => spec.name === "style_reference_images")?.takesImages).toBe(true);
    expect(design.find((spec) => spec.name === "prompt")?.takesImages).toBeUndefined();
    expect(controls.find((spec) => spec.name === "style_reference_images")?.control).toBe("files");
  });
});

describe("toRequestDraft", () => {
  it("sends only what was set, in a request core accepts", () => {
    const controls = controlsFor(generateOperation);
    const values = Object.fromEntries(controls.map((spec) => [spec.name, ""]));
    const draft = toRequestDraft(controls, {
      ...values,
      prompt: "a fox",
      num_images: "3",
      seed: " 42 ",
      color_palette: { mode: "preset", name: "JUNGLE" },
    });
    expect(draft).toEqual({ prompt: "a fox", num_images: 3, seed: 42, color_palette: { name: "JUNGLE" } });
    expect(generateOperation.check(draft).success).toBe(true);
  });

  it("passes numbers that do not parse on as typed, so core's message quotes the input", () => {
    const controls = controlsFor(generateOperation);
    const draft = toRequestDraft(controls, { prompt: "x", seed: "12a" });
    expect(draft.seed).toBe("12a");
    const result = generateOperation.check(draft);
    expect(result.success).toBe(false);
  });

  it("carries files and file lists, which pass core's file checks", async () => {
    const controls = controlsFor(upscaleOperation);
    const image = new Blob([examplePng(8, 8)], { type: "image/png" });
    const draft = toRequestDraft(controls, { image_file: image });
    expect(draft.image_file).toBe(image);
    expect(upscaleOperation.check(draft).success).toBe(true);
    expect(await upscaleOperation.checkFiles(draft as never)).toEqual([]);
    const list = toRequestDraft(controlsFor(v3EditOperation), {
      style_reference_images: [image, image],
      style_codes: "AB12CD34, 0F0F0F0F",
    });
    expect(list).toMatchObject({
      style_reference_images: [image, image],
      style_codes: ["AB12CD34", "0F0F0F0F"],
    });
  });

  it("turns a boolean select into a boolean", () => {
    const operation = operations.find((candidate) =>
      Object.values(candidate.fields).some((field) => field.kind === "boolean"),
    )!;
    const name = operation.fieldNames.find((field) => operation.fields[field]!.kind === "boolean")!;
    expect(toRequestDraft(controlsFor(operation), { [name]: "false" })[name]).toBe(false);
  });
});

describe("labels", () => {
  it("name fields and operations in words", () => {
    expect(fieldLabel("custom_model_uri")).toBe("Custom model URI");
    expect(operationLabel("v3.replaceBackground")).toBe("Replace background (3.0)");
    expect(operationLabel("upscale")).toBe("Upscale (legacy)");
    expect(new Set(operations.map((operation) => operationLabel(operation.id))).size).toBe(operations.length);
  });

  it("put the form's labels in place of API names in core's messages", () => {
    const labels = Object.fromEntries(controlsFor(v3EditOperation).map((spec) => [spec.name, spec.label]));
    const result = v3EditOperation.check({ prompt: "x", style_type: "AUTO", style_codes: ["AB12CD34"] });
    expect(result.success).toBe(false);
    const messages = result.success
      ? []
      : result.issues.map((issue) => fieldMessage(String(issue.path[0]), issue.message, labels));
    expect(messages.join(" ")).not.toMatch(/\bstyle_codes\b|\bstyle_type\b/);
  });

  it("offers only the models an endpoint's model rule allows", () => {
    const model = controlsFor(editOperation).find((spec) => spec.name === "model")!;
    expect(model.options?.map(([value]) => value)).toEqual(editOperation.rules.model?.only);
  });
});
