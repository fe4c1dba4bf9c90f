import {
  ASPECT_RATIOS,
  COLOR_PALETTE_PRESETS,
  DEFAULT_MODEL,
  MAGIC_PROMPT_OPTIONS,
  MODELS,
  NUM_IMAGES_MAX,
  NUM_IMAGES_MIN,
  RESOLUTIONS,
  STYLE_TYPES,
} from "@ideokit/core";
import { aspectRatioLabel, modelLabel, resolutionLabel, titleCase } from "./enum-labels.ts";

/** Escapes text for HTML content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** `<option>` elements for enum values, with an optional first "default" choice whose value is empty. */
export function optionsHtml(
  values: readonly string[],
  label: (value: string) => string,
  defaultLabel?: string,
): string {
  const options = values.map(
    (value) => `<option value="${escapeHtml(value)}">${escapeHtml(label(value))}</option>`,
  );
  if (defaultLabel !== undefined) options.unshift(`<option value="">${escapeHtml(defaultLabel)}</option>`);
  return options.join("");
}

/** What the page's `{{name}}` placeholders become: every choice and limit comes from core. */
export function pageValues(): Record<string, string> {
  return {
    "options:aspect_ratio": optionsHtml(ASPECT_RATIOS, aspectRatioLabel, "Default"),
    "options:resolution": optionsHtml(RESOLUTIONS, resolutionLabel, "Default"),
    "options:model": optionsHtml(MODELS, modelLabel, `Default (${modelLabel(DEFAULT_MODEL)})`),
    "options:style_type": optionsHtml(STYLE_TYPES, titleCase, "Default"),
    "options:magic_prompt_option": optionsHtml(MAGIC_PROMPT_OPTIONS, titleCase, "Default"),
    "options:palette_preset": optionsHtml(COLOR_PALETTE_PRESETS, titleCase),
    NUM_IMAGES_MIN: String(NUM_IMAGES_MIN),
    NUM_IMAGES_MAX: String(NUM_IMAGES_MAX),
  };
}

/** Replaces each `{{name}}` in the page template; a placeholder without a value is a build error. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{([\w:]+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`index.html uses {{${name}}}, which the build does not define`);
    return value;
  });
}
