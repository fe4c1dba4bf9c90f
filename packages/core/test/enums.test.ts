import { describe, expect, it } from "vitest";
import {
  ASPECT_RATIOS,
  COLOR_PALETTE_PRESETS,
  MAGIC_PROMPT_OPTIONS,
  MAGIC_PROMPT_VERSIONS,
  MODELS,
  RESOLUTIONS,
  STYLE_TYPES,
  validateImageRequest,
} from "../src/index.ts";
import { issueAt } from "./support.ts";

const officialEnums = (await import("../../testing/fixtures/official-enums.json", { with: { type: "json" } }))
  .default as unknown as Record<string, string[]>;
const specEnum = (name: string) => officialEnums[name];

describe("enum tuples", () => {
  it.each([
    ["ASPECT_RATIOS", ASPECT_RATIOS, 11, "AspectRatio"],
    ["MODELS", MODELS, 8, "ModelEnum"],
    ["MAGIC_PROMPT_OPTIONS", MAGIC_PROMPT_OPTIONS, 3, "MagicPromptOption"],
    ["MAGIC_PROMPT_VERSIONS", MAGIC_PROMPT_VERSIONS, 9, "MagicPromptVersionEnum"],
    ["STYLE_TYPES", STYLE_TYPES, 9, "StyleType"],
    ["RESOLUTIONS", RESOLUTIONS, 78, "Resolution"],
    ["COLOR_PALETTE_PRESETS", COLOR_PALETTE_PRESETS, 8, "ColorPalettePresetName"],
  ] as const)("%s has %i values, exactly the official spec's", (_name, values, count, specName) => {
    expect(values).toHaveLength(count);
    expect([...values]).toEqual(specEnum(specName));
  });
});

// Model-independent requests so each enum value is judged on its own.
const fields = [
  ["aspect_ratio", ASPECT_RATIOS],
  ["model", MODELS],
  ["magic_prompt_option", MAGIC_PROMPT_OPTIONS],
  ["magic_prompt_version", MAGIC_PROMPT_VERSIONS],
  ["style_type", STYLE_TYPES],
  ["resolution", RESOLUTIONS],
] as const;

describe.each(fields)("%s", (field, values) => {
  it.each([...values])("accepts %s", (value) => {
    const request = { prompt: "a lighthouse", [field]: value };
    expect(validateImageRequest(request)).toEqual(request);
  });

  it.each([...values])("rejects lower-case %s and suggests the exact value", (value) => {
    const issue = issueAt({ prompt: "a lighthouse", [field]: value.toLowerCase() }, field);
    expect(issue.code).toBe("invalid_enum");
    expect(issue.message).toContain(`did you mean "${value}"?`);
  });
});

describe("color palette presets", () => {
  it.each([...COLOR_PALETTE_PRESETS])("accepts %s", (name) => {
    const request = { prompt: "a lighthouse", color_palette: { name } };
    expect(validateImageRequest(request)).toEqual(request);
  });

  it.each([...COLOR_PALETTE_PRESETS])("rejects %s with a trailing s and suggests it", (name) => {
    const issue = issueAt(
      { prompt: "a lighthouse", color_palette: { name: `${name}S` } },
      "color_palette.name",
    );
    expect(issue.message).toContain(`did you mean "${name}"?`);
  });
});

describe("suggestions for near misses", () => {
  it.each([
    ["aspect_ratio", "16:9", "ASPECT_16_9"],
    ["aspect_ratio", "10x16", "ASPECT_10_16"],
    ["aspect_ratio", "aspect_1_1", "ASPECT_1_1"],
    ["resolution", "1024x1024", "RESOLUTION_1024_1024"],
    ["resolution", "1280*720", "RESOLUTION_1280_720"],
    ["model", "v2", "V_2"],
    ["model", "V2A-TURBO", "V_2A_TURBO"],
    ["style_type", "REALISTC", "REALISTIC"],
    ["style_type", "render3d", "RENDER_3D"],
    ["magic_prompt_option", "offf", "OFF"],
    ["magic_prompt_version", "V0.8", "V_0_8"],
  ])("%s %j suggests %s", (field, wrong, right) => {
    const issue = issueAt({ prompt: "x", [field]: wrong }, field);
    expect(issue.message).toContain(`${JSON.stringify(wrong)} is not a valid`);
    expect(issue.message).toContain(`did you mean "${right}"?`);
  });

  it("renders the documented message for an alias", () => {
    expect(issueAt({ prompt: "x", aspect_ratio: "16:9" }, "aspect_ratio").message).toBe(
      `"16:9" is not a valid aspect ratio; did you mean "ASPECT_16_9"? Allowed: ${ASPECT_RATIOS.join(", ")}`,
    );
  });

  it("lists the allowed values without guessing when nothing is close", () => {
    const { message } = issueAt({ prompt: "x", style_type: "watercolour painting" }, "style_type");
    expect(message).not.toContain("did you mean");
    expect(message).toContain(`Allowed: ${STYLE_TYPES.join(", ")}`);
  });

  it("summarises the 78 resolutions instead of listing them", () => {
    const { message } = issueAt({ prompt: "x", resolution: "big" }, "resolution");
    expect(message).toContain("78 values from RESOLUTION_512_1536 to RESOLUTION_1536_640 (see RESOLUTIONS)");
  });

  it("does not guess between equally close values", () => {
    const { message } = issueAt({ prompt: "x", magic_prompt_option: "of" }, "magic_prompt_option");
    expect(message).toBe('"of" is not a valid magic prompt option. Allowed: AUTO, ON, OFF');
  });

  it("describes non-string values", () => {
    expect(issueAt({ prompt: "x", model: 2 }, "model").message).toMatch(
      /^2 is not a valid model\. Allowed: V_1,/,
    );
  });
});
