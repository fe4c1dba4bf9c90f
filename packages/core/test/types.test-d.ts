import { describe, expectTypeOf, it } from "vitest";
import {
  type ColorPalette,
  type generateOperation,
  type ImageRequest,
  type InputOf,
  OPERATIONS,
  type OperationId,
  type OutputOf,
  type v3GenerateOperation,
} from "../src/index.ts";

// Combinations the service refuses are compile errors where TypeScript can say so (issue 17).

describe("legacy generate input", () => {
  it("is the ImageRequest type, prompt required", () => {
    expectTypeOf<InputOf<typeof generateOperation>>().toEqualTypeOf<ImageRequest>();
    expectTypeOf<{ seed: 1 }>().not.toExtend<ImageRequest>();
    expectTypeOf<{ prompt: string; aspect_ratio: "ASPECT_16_9" }>().toExtend<ImageRequest>();
  });

  it("refuses aspect_ratio together with resolution", () => {
    const both: ImageRequest = {
      prompt: "x",
      aspect_ratio: "ASPECT_1_1",
      // @ts-expect-error resolution cannot be combined with aspect_ratio
      resolution: "RESOLUTION_1024_1024",
    };
    expectTypeOf(both).toExtend<ImageRequest>();
  });

  it("refuses a palette with both name and members", () => {
    // @ts-expect-error exactly one of name or members
    const palette: ColorPalette = { name: "PASTEL", members: [{ color_hex: "#fff" }] };
    expectTypeOf(palette).toExtend<ColorPalette>();
    expectTypeOf<{ name: "PASTEL" }>().toExtend<ColorPalette>();
    expectTypeOf<{ members: [{ color_hex: "#fff"; color_weight: 0.5 }] }>().toExtend<ColorPalette>();
  });

  it("has typed output", () => {
    expectTypeOf<OutputOf<typeof generateOperation>["data"][number]["url"]>().toEqualTypeOf<
      string | null | undefined
    >();
  });
});

describe("v3.generate input", () => {
  type Input = InputOf<typeof v3GenerateOperation>;

  it("uses the 3.0 enums", () => {
    expectTypeOf<{ prompt: string; aspect_ratio: "16x9" }>().toExtend<Input>();
    expectTypeOf<{ prompt: string; aspect_ratio: "ASPECT_16_9" }>().not.toExtend<Input>();
  });

  it("refuses style_codes with style_type or style_reference_images", () => {
    expectTypeOf<{ prompt: string; style_codes: string[]; style_type: "AUTO" }>().not.toExtend<Input>();
    expectTypeOf<{
      prompt: string;
      style_codes: string[];
      style_reference_images: Blob[];
    }>().not.toExtend<Input>();
    expectTypeOf<{ prompt: string; style_codes: string[] }>().toExtend<Input>();
  });
});

it("OPERATIONS carry their ids as literal types", () => {
  expectTypeOf(OPERATIONS[0].id).toEqualTypeOf<"generate">();
  expectTypeOf<"v3.replaceBackground" | "editImages" | "v4.generate">().toExtend<OperationId>();
  expectTypeOf<"v3.replace-background">().not.toExtend<OperationId>();
});
