import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  ASPECT_RATIOS,
  COLOR_PALETTE_PRESETS,
  MAGIC_PROMPT_OPTIONS,
  MODELS,
  RESOLUTIONS,
  STYLE_TYPES,
  toAspectRatio,
  toResolution,
} from "@ideokit/core";
import { describe, expect, it } from "vitest";
import { aspectRatioLabel, modelLabel, resolutionLabel, titleCase } from "../src/enum-labels.ts";
import { escapeHtml, fillTemplate, optionsHtml, pageValues } from "../src/page-template.ts";

const template = readFileSync(join(import.meta.dirname, "..", "index.html"), "utf8");

function optionValues(html: string, selectId: string): string[] {
  const select = new RegExp(`<select id="${selectId}"[^>]*>(.*?)</select>`, "s").exec(html)?.[1] ?? "";
  return [...select.matchAll(/<option value="([^"]*)">/g)].map((match) => match[1]!);
}

describe("enum labels", () => {
  it("label aspect ratios and resolutions in forms core reads back to the same value", () => {
    for (const value of ASPECT_RATIOS) expect(toAspectRatio(aspectRatioLabel(value))).toBe(value);
    for (const value of RESOLUTIONS) expect(toResolution(resolutionLabel(value))).toBe(value);
  });

  it("give every value of an enum a distinct label", () => {
    for (const [values, label] of [
      [MODELS, modelLabel],
      [STYLE_TYPES, titleCase],
      [MAGIC_PROMPT_OPTIONS, titleCase],
      [COLOR_PALETTE_PRESETS, titleCase],
    ] as const) {
      expect(new Set(values.map(label)).size).toBe(values.length);
    }
  });

  it("read as words", () => {
    expect(titleCase("RENDER_3D")).toBe("Render 3D");
    expect(modelLabel("V_2A_TURBO")).toBe("V2A Turbo");
    expect(modelLabel("V_3")).toBe("V3");
    expect(modelLabel("AUTO")).toBe("Auto");
  });
});

describe("the page template", () => {
  const page = fillTemplate(template, pageValues());

  it("offers exactly core's palette presets and leaves no placeholder behind", () => {
    expect(optionValues(page, "palette_preset")).toEqual([...COLOR_PALETTE_PRESETS]);
    expect(page).not.toMatch(/\{\{|\}\}/);
  });

  it("labels every form control", () => {
    const ids = [...page.matchAll(/<(?:input|select|textarea)\s[^>]*?id="([^"]+)"/gs)].map(
      (match) => match[1],
    );
    expect(ids.length).toBeGreaterThan(2);
    for (const id of ids) expect(page).toContain(`<label for="${id}">`);
  });

  it("refuses a placeholder the build does not define", () => {
    expect(() => fillTemplate("<p>{{options:colour}}</p>", pageValues())).toThrow("{{options:colour}}");
  });

  it("escapes labels and values", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;");
    expect(optionsHtml(['"x"'], (value) => `<${value}>`, "D & D")).toBe(
      '<option value="">D &#38; D</option><option value="&#34;x&#34;">&#60;&#34;x&#34;&#62;</option>',
    );
  });
});
