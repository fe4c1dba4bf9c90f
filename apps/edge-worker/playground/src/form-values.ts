import type { ControlSpec } from "./operation-fields.ts";

/** One custom palette colour as typed: hex text and an optional weight. */
export interface PaletteMemberValues {
  hex: string;
  weight: string;
}

/** The palette part of the form: nothing, a preset by name, or custom colours. */
export type PaletteValues =
  | { mode: "none" }
  | { mode: "preset"; name: string }
  | { mode: "custom"; members: PaletteMemberValues[] };

/** What one control holds: text as typed ("" = left at the default), chosen files, or the palette. */
export type ControlValue = string | Blob | readonly Blob[] | PaletteValues | undefined;

/** The input the form describes, not yet validated: core judges it, this only reshapes. */
export type RequestDraft = Record<string, unknown>;

/**
 * Turns the controls' values into an operation's input: fields left at their default are omitted,
 * and numbers that do not parse stay as typed so core's message quotes what was entered.
 */
export function toRequestDraft(
  controls: readonly ControlSpec[],
  values: Readonly<Record<string, ControlValue>>,
): RequestDraft {
  const draft: RequestDraft = {};
  for (const { name, control } of controls) {
    const value = values[name];
    if (value === undefined) continue;
    if (value instanceof Blob) draft[name] = value;
    else if (Array.isArray(value)) {
      if (value.length > 0) draft[name] = [...value];
    } else if (typeof value === "object") {
      const palette = toPalette(value as PaletteValues);
      if (palette !== undefined) draft[name] = palette;
    } else if (control === "number") setNumber(draft, name, value);
    else if (control === "list") {
      const items = value
        .split(",")
        .map((item) => item.trim())
        .filter((item) => item !== "");
      if (items.length > 0) draft[name] = items;
    } else if (control === "select") {
      if (value !== "") draft[name] = value === "true" ? true : value === "false" ? false : value;
    } else if (value.trim() !== "") draft[name] = value.trim();
  }
  return draft;
}

function setNumber(target: Record<string, unknown>, field: string, text: string): void {
  const trimmed = text.trim();
  if (trimmed === "") return;
  const number = Number(trimmed);
  target[field] = Number.isNaN(number) ? trimmed : number;
}

function toPalette(palette: PaletteValues): unknown {
  if (palette.mode === "none") return undefined;
  if (palette.mode === "preset") return { name: palette.name };
  return {
    members: palette.members.map(({ hex, weight }) => {
      const member: Record<string, unknown> = { color_hex: hex.trim() };
      setNumber(member, "color_weight", weight);
      return member;
    }),
  };
}
