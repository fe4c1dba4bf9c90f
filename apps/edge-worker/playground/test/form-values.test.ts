import { RequestValidationError, validateImageRequest } from "@ideokit/core";
import { describe, expect, it } from "vitest";
import { type FormValues, toRequestDraft } from "../src/form-values.ts";

const blank: FormValues = {
  prompt: "a red kite",
  aspect_ratio: "",
  resolution: "",
  model: "",
  style_type: "",
  magic_prompt_option: "",
  negative_prompt: "",
  seed: "",
  num_images: "",
  palette: { mode: "none" },
};

describe("toRequestDraft", () => {
  it("sends only the prompt when every other control is left at its default", () => {
    expect(toRequestDraft(blank)).toEqual({ prompt: "a red kite" });
  });

  it("maps every control to its request field, in a request core accepts", () => {
    const draft = toRequestDraft({
      ...blank,
      aspect_ratio: "ASPECT_16_9",
      model: "V_2_TURBO",
      style_type: "DESIGN",
      magic_prompt_option: "OFF",
      negative_prompt: "  blur  ",
      seed: " 42 ",
      num_images: "3",
      palette: { mode: "preset", name: "PASTEL" },
    });
    expect(draft).toEqual({
      prompt: "a red kite",
      aspect_ratio: "ASPECT_16_9",
      model: "V_2_TURBO",
      style_type: "DESIGN",
      magic_prompt_option: "OFF",
      negative_prompt: "blur",
      seed: 42,
      num_images: 3,
      color_palette: { name: "PASTEL" },
    });
    expect(validateImageRequest(draft)).toEqual(draft);
  });

  it("keeps the prompt as typed so core, not the form, decides what is blank", () => {
    expect(toRequestDraft({ ...blank, prompt: "  " }).prompt).toBe("  ");
    expect(() => validateImageRequest(toRequestDraft({ ...blank, prompt: "  " }))).toThrow(
      RequestValidationError,
    );
  });

  it("omits a negative prompt of only spaces", () => {
    expect(toRequestDraft({ ...blank, negative_prompt: " \t" })).not.toHaveProperty("negative_prompt");
  });

  it("passes numbers that do not parse on as typed, so core's message quotes the input", () => {
    const draft = toRequestDraft({ ...blank, seed: "12abc", num_images: "two" });
    expect(draft).toMatchObject({ seed: "12abc", num_images: "two" });
    const error = catchError(() => validateImageRequest(draft));
    expect(error.issues.map((issue) => issue.path)).toEqual([["seed"], ["num_images"]]);
    expect(error.issues[0]?.message).toContain('"12abc"');
  });

  it("sends out-of-range and fractional numbers as numbers for core to reject", () => {
    const draft = toRequestDraft({ ...blank, seed: "3000000000", num_images: "1.5" });
    expect(draft).toMatchObject({ seed: 3_000_000_000, num_images: 1.5 });
    const codes = catchError(() => validateImageRequest(draft)).issues.map((issue) => issue.code);
    expect(codes).toEqual(["too_big", "not_integer"]);
  });

  it("builds custom palette members, leaving out weights that were left empty", () => {
    const draft = toRequestDraft({
      ...blank,
      palette: {
        mode: "custom",
        members: [
          { hex: " #FF0000 ", weight: "0.6" },
          { hex: "#0f0", weight: "" },
        ],
      },
    });
    expect(draft.color_palette).toEqual({
      members: [{ color_hex: "#FF0000", color_weight: 0.6 }, { color_hex: "#0f0" }],
    });
    expect(validateImageRequest(draft).color_palette).toEqual(draft.color_palette);
  });

  it("sends an empty custom palette as such, for core to report", () => {
    const draft = toRequestDraft({ ...blank, palette: { mode: "custom", members: [] } });
    expect(draft.color_palette).toEqual({ members: [] });
    expect(catchError(() => validateImageRequest(draft)).issues[0]?.path[0]).toBe("color_palette");
  });
});

function catchError(run: () => unknown): RequestValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof RequestValidationError) return error;
    throw error;
  }
  throw new Error("expected a RequestValidationError");
}
