import { generateImage } from "ai";
import { describe, expectTypeOf, it } from "vitest";
import {
  createIdeogram,
  type IdeogramImageMetadata,
  type IdeogramImageModelId,
  type IdeogramImageModelOptions,
  type IdeogramLegacyImageOptions,
  type IdeogramV3ImageOptions,
} from "../src/index.ts";

const ideogram = createIdeogram({ apiKey: "sk-types" });

describe("provider option types", () => {
  it("types the legacy models' options as image_request's own fields", () => {
    expectTypeOf<IdeogramImageModelOptions<"V_2">>().toEqualTypeOf<IdeogramLegacyImageOptions>();
    expectTypeOf<IdeogramImageModelOptions<"V_1_TURBO">>().toEqualTypeOf<IdeogramLegacyImageOptions>();
    expectTypeOf<IdeogramLegacyImageOptions["style_type"]>().toEqualTypeOf<
      | "AUTO"
      | "GENERAL"
      | "FICTION"
      | "REALISTIC"
      | "DESIGN"
      | "RENDER_3D"
      | "ANIME"
      | "CUSTOM"
      | "STYLIZED"
      | undefined
    >();
    expectTypeOf<IdeogramLegacyImageOptions>().toHaveProperty("magic_prompt_option");
    expectTypeOf<{ negative_prompt: string }>().toExtend<IdeogramLegacyImageOptions>();
    expectTypeOf<{ color_palette: { name: "EMBER" } }>().toExtend<IdeogramLegacyImageOptions>();
    // A remix's own field:
    expectTypeOf<{ image_weight: number }>().toExtend<IdeogramLegacyImageOptions>();
  });

  it("keeps the fields generateImage's own arguments set out of them", () => {
    const options = {
      style_type: "DESIGN",
      magic_prompt_option: "OFF",
    } satisfies IdeogramImageModelOptions<"V_2">;
    expectTypeOf(options).toExtend<IdeogramLegacyImageOptions>();
    // @ts-expect-error num_images is generateImage's `n`
    ({ num_images: 2 }) satisfies IdeogramImageModelOptions<"V_2">;
    // @ts-expect-error aspect_ratio is generateImage's `aspectRatio`
    ({ aspect_ratio: "ASPECT_1_1" }) satisfies IdeogramImageModelOptions<"V_2">;
    // @ts-expect-error the model is the id given to ideogram.image()
    ({ model: "V_1" }) satisfies IdeogramImageModelOptions<"V_2">;
    // @ts-expect-error not a style type
    ({ style_type: "OIL" }) satisfies IdeogramImageModelOptions<"V_2">;
  });

  it("accepts only known model ids", () => {
    expectTypeOf(ideogram.image).parameter(0).toEqualTypeOf<IdeogramImageModelId>();
    // @ts-expect-error no such model
    ideogram.image("V_9");
  });

  it("fits generateImage's model and providerOptions", () => {
    expectTypeOf(ideogram.image("V_2")).toExtend<Parameters<typeof generateImage>[0]["model"]>();
    const call = () =>
      generateImage({
        model: ideogram.image("V_2"),
        prompt: "a fox",
        providerOptions: { ideogram: { style_type: "ANIME" } satisfies IdeogramImageModelOptions<"V_2"> },
      });
    expectTypeOf(call).returns.resolves.toHaveProperty("images");
    expectTypeOf<IdeogramImageMetadata["seed"]>().toEqualTypeOf<number | undefined>();
  });
});

describe("V_3 option types", () => {
  it("are v3 generate's own fields, without the ones generateImage's arguments set", () => {
    const options = {
      rendering_speed: "TURBO",
      magic_prompt: "OFF",
      style_type: "DESIGN",
      negative_prompt: "blur",
    } satisfies IdeogramImageModelOptions<"V_3">;
    expectTypeOf(options).toExtend<IdeogramV3ImageOptions>();
    // @ts-expect-error V_3 spells it magic_prompt, not magic_prompt_option
    ({ magic_prompt_option: "OFF" }) satisfies IdeogramImageModelOptions<"V_3">;
    // @ts-expect-error resolution is generateImage's `size`
    ({ resolution: "1024x1024" }) satisfies IdeogramImageModelOptions<"V_3">;
    // @ts-expect-error not a rendering speed
    ({ rendering_speed: "WARP" }) satisfies IdeogramImageModelOptions<"V_3">;
  });
});
