import { COLOR_PALETTE_PRESETS } from "@ideokit/core";
import { titleCase } from "./enum-labels.ts";

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

/**
 * What the page's `{{name}}` placeholders become: the palette presets, from core, and a
 * `modulepreload` link for each chunk app.js imports up front (`preload`, paths relative to the
 * page), so they download alongside it. The operation forms are generated in the page from core's
 * field metadata (operation-fields.ts).
 */
export function pageValues(preload: readonly string[] = []): Record<string, string> {
  return {
    "options:palette_preset": optionsHtml(COLOR_PALETTE_PRESETS, titleCase),
    modulepreload: preload
      .map((path) => `<link rel="modulepreload" href="./${escapeHtml(path)}" />`)
      .join(""),
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
