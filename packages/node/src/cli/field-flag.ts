import type { Field } from "@ideokit/core";
import { numericFlag } from "./numeric-flag.ts";
import { paletteFlag } from "./palette-flag.ts";

// How one field of core's table looks on the command line: its flag (kebab-case of the wire name),
// how its text becomes a value, and how its allowed values are written. Generated for every field,
// so a new field in core is a new flag here with no code.

/** Enums longer than this are summarised (a count and the first few), never printed whole. */
const LONG_ENUM = 15;

/** A flag value the CLI cannot turn into a value of its field: what to print, in the CLI's words. */
export class FlagError extends Error {}

// Shorter names for the palette and the reference-image lists (repeated once per file).
const ALIASES: Record<string, string> = {
  color_palette: "palette",
  magic_prompt_option: "magic-prompt",
  style_reference_images: "style-ref",
  character_reference_images: "character-ref",
  character_reference_images_mask: "character-ref-mask",
  product_reference_images: "product-ref",
  reference_asset_images: "asset-ref",
};

/** The long flag name of a wire field: `rendering_speed` → `rendering-speed`, `style_reference_images` → `style-ref`. */
export function flagName(field: string): string {
  return ALIASES[field] ?? field.replaceAll("_", "-");
}

/** Whether a field takes one value per occurrence of its flag, collected into a list. */
export const isRepeatable = (field: Field): boolean =>
  field.kind === "file-list" || field.kind === "string-list";

/** How a value of an enum is written on the command line: `16:9`, `1024x1024`, `auto`, `render_3d`. */
export function displayValue(value: string): string {
  const ratio = /^ASPECT_(\d+)_(\d+)$/.exec(value);
  if (ratio) return `${ratio[1]}:${ratio[2]}`;
  const size = /^RESOLUTION_(\d+)_(\d+)$/.exec(value);
  if (size) return `${size[1]}x${size[2]}`;
  return value.toLowerCase();
}

/** The allowed values for help and errors: all of a short list, a count, the first few and where the rest are of a long one. */
export function allowedValues(values: readonly string[], listName?: string): string {
  const shown = values.map(displayValue);
  if (shown.length <= LONG_ENUM) return shown.join(", ");
  const where = listName === undefined ? "" : `; all in ${listName} of @ideokit/core`;
  return `one of ${shown.length} values such as ${shown.slice(0, 4).join(", ")}${where}`;
}

// One spelling for all forms of a value: 16:9, 16x9 and ASPECT_16_9 meet as "16x9"; case is ignored.
const spelling = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/^(aspect|resolution)_/, "")
    .replace(/[:_x]/g, "x");

function enumValue(flag: string, text: string, field: Field): string {
  const values = field.values ?? [];
  const wanted = spelling(text);
  const match = values.find((value) => spelling(value) === wanted);
  if (match !== undefined) return match;
  throw new FlagError(`--${flag} ${text}: expected ${allowedValues(values, field.listName)}`);
}

function booleanValue(flag: string, text: string | true): boolean {
  if (text === true) return true;
  const value = text.trim().toLowerCase();
  if (["true", "yes", "on", "1"].includes(value)) return true;
  if (["false", "no", "off", "0"].includes(value)) return false;
  throw new FlagError(`--${flag} ${text}: expected yes or no`);
}

function numberValue(flag: string, text: string): number {
  const value = numericFlag(text);
  if (typeof value === "number") return value;
  throw new FlagError(`--${flag} ${text}: expected a number`);
}

function paletteValue(flag: string, text: string): unknown {
  // A colour written without its # would otherwise be taken for a preset name.
  const bare = /^([0-9a-f]{6})(:[\d.]+)?(,|$)/i.exec(text.trim());
  if (bare) throw new FlagError(`--${flag} ${text}: a colour starts with #: did you mean #${bare[1]}?`);
  return paletteFlag(text);
}

/** The value of a field from its flag's text (a list for repeatable flags); files stay paths or URLs for the client to open. */
export function flagValue(name: string, field: Field, raw: string | true | string[]): unknown {
  const flag = flagName(name);
  if (Array.isArray(raw)) return raw;
  if (field.kind === "boolean") return booleanValue(flag, raw);
  if (raw === true) throw new FlagError(`--${flag} needs a value`);
  switch (field.kind) {
    case "enum":
      return enumValue(flag, raw, field);
    case "integer":
    case "number":
      return numberValue(flag, raw);
    case "palette":
      return paletteValue(flag, raw);
    default:
      return raw;
  }
}

/** The `--help` line of a field: its description and, for an enum, what it takes. */
export function flagHelp(field: Field): string {
  const values = field.values === undefined ? "" : ` (${allowedValues(field.values, field.listName)})`;
  const repeat = isRepeatable(field) ? " (repeat the flag for more)" : "";
  const required = field.required ? " (required)" : "";
  return `${field.description}${values}${repeat}${required}`;
}
