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

/** Everything the form holds, as the raw strings its controls give ("" means left at the default). */
export interface FormValues {
  prompt: string;
  aspect_ratio: string;
  resolution: string;
  model: string;
  style_type: string;
  magic_prompt_option: string;
  negative_prompt: string;
  seed: string;
  num_images: string;
  palette: PaletteValues;
}

/**
 * The `image_request` the form describes, not yet validated: fields left at their default are
 * omitted, and numbers that do not parse stay as typed so core's message quotes what was entered.
 */
export type RequestDraft = Record<string, unknown> & { prompt: string };

/** Turns form values into the request to validate and send; core judges it, this only reshapes. */
export function toRequestDraft(values: FormValues): RequestDraft {
  const draft: RequestDraft = { prompt: values.prompt };
  for (const field of ["aspect_ratio", "resolution", "model", "style_type", "magic_prompt_option"] as const) {
    if (values[field] !== "") draft[field] = values[field];
  }
  const negativePrompt = values.negative_prompt.trim();
  if (negativePrompt !== "") draft.negative_prompt = negativePrompt;
  setNumber(draft, "seed", values.seed);
  setNumber(draft, "num_images", values.num_images);
  const palette = toPalette(values.palette);
  if (palette !== undefined) draft.color_palette = palette;
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
