import type { Field, TableOperation } from "@ideokit/core";
import { aspectRatioLabel, modelLabel, resolutionLabel, titleCase } from "./enum-labels.ts";

// The form of every operation is derived here from core's field metadata: the page keeps no field
// list of its own, so a field added to core's table shows up in the playground without a change.

/** The control a field gets, picked from its kind. */
export type ControlKind = "textarea" | "text" | "number" | "select" | "list" | "palette" | "file" | "files";

/** One control of a generated form: everything the DOM layer needs to render it. */
export interface ControlSpec {
  /** The wire name, also the control's id. */
  name: string;
  label: string;
  control: ControlKind;
  required: boolean;
  /** Shown under the control: the field's one-line description from the spec. */
  hint: string;
  placeholder?: string;
  /** For selects: `[value, label]` pairs, `""` first for "the service's default" unless required. */
  options?: readonly (readonly [string, string])[];
  min?: number;
  max?: number;
  /** `number` controls: whether decimals are allowed. */
  step?: "1" | "any";
  /** A mask: the image field it is painted over. */
  maskOf?: string;
  /** Accepted media types of a file control (`image/png,image/jpeg`). */
  accept?: string;
  /** File controls: whether the field takes images (a design's font fields take fonts only). */
  takesImages?: boolean;
  /** Shown in the main part of the form; the rest sit under "More options". */
  primary: boolean;
}

// Fields most people set first; everything else stays folded away so a form fits a phone screen.
const PRIMARY = new Set(["prompt", "image", "mask", "aspect_ratio", "num_images", "rendering_speed", "text"]);

const IMAGE_FORMATS = new Set(["png", "jpeg", "webp", "gif"]);

const ACRONYMS: Record<string, string> = { uri: "URI", url: "URL", id: "ID" };

// Wording only: where the wire name reads badly as a label. The fields themselves come from core.
const WORDING: Record<string, string> = {
  num_images: "Number of images",
  magic_prompt_option: "Magic prompt",
  style_type: "Style",
  color_palette: "Colour palette",
};

/** "negative_prompt" → "Negative prompt", "custom_model_uri" → "Custom model URI". */
export function fieldLabel(name: string): string {
  const worded = WORDING[name];
  if (worded !== undefined) return worded;
  const words = name.split("_").map((word) => ACRONYMS[word] ?? word);
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "v3.replaceBackground" → "Replace background (3.0)", "generate" → "Generate (legacy)". */
export function operationLabel(id: string): string {
  const [version, name] = id.includes(".") ? (id.split(".") as [string, string]) : ["", id];
  const words = name.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`);
  const title = words.charAt(0).toUpperCase() + words.slice(1);
  const suffix = version === "" ? "legacy" : `${version.slice(1)}.0`;
  return `${title} (${suffix})`;
}

function enumLabel(value: string): string {
  if (value.startsWith("ASPECT_")) return aspectRatioLabel(value);
  if (value.startsWith("RESOLUTION_")) return resolutionLabel(value);
  if (/^V_\d/.test(value)) return modelLabel(value);
  return /^[A-Z0-9_]+$/.test(value) ? titleCase(value) : value;
}

function defaultLabel(field: Field): string {
  const label = field.default === undefined ? "Default" : enumLabel(String(field.default));
  // An enum whose default value is itself named DEFAULT (rendering speed) reads "Default", not "Default (Default)".
  return label === "Default" ? label : `Default (${label})`;
}

function selectOptions(field: Field, only?: readonly string[]): (readonly [string, string])[] {
  const all = field.kind === "boolean" ? ["true", "false"] : (field.values ?? []);
  // A model rule narrows the field's enum for this endpoint (legacy edit: V_2 and V_2_TURBO only),
  // so a required select never starts on a model the endpoint refuses.
  const values = only === undefined ? all : all.filter((value) => only.includes(value));
  const options = values.map(
    (value) => [value, value === "true" ? "Yes" : value === "false" ? "No" : enumLabel(value)] as const,
  );
  return field.required ? options : [["", defaultLabel(field)], ...options];
}

function controlKind(name: string, field: Field): ControlKind {
  switch (field.kind) {
    case "string":
      return /prompt|text$/.test(name) ? "textarea" : "text";
    case "integer":
    case "number":
      return "number";
    case "boolean":
    case "enum":
      return "select";
    case "string-list":
      return "list";
    case "palette":
      return "palette";
    case "file":
      return "file";
    case "file-list":
      return "files";
  }
}

/** Whether a file field takes images: pastes and reused results go only into such a field. */
export function takesImages(field: Field | undefined): boolean {
  return field?.file?.formats.some((format) => IMAGE_FORMATS.has(format)) === true;
}

function accept(field: Field): string | undefined {
  const formats = field.file?.formats;
  if (formats === undefined) return undefined;
  return formats.map((format) => (IMAGE_FORMATS.has(format) ? `image/${format}` : `.${format}`)).join(",");
}

/** The controls of an operation's form, in the table's field order, from core's metadata only. */
export function controlsFor(
  operation: Pick<TableOperation, "fields" | "fieldNames"> & Partial<Pick<TableOperation, "rules">>,
): ControlSpec[] {
  const model = operation.rules?.model;
  return operation.fieldNames.map((name) => {
    const field = operation.fields[name] as Field;
    const control = controlKind(name, field);
    const spec: ControlSpec = {
      name,
      label: fieldLabel(name),
      control,
      required: field.required,
      hint: field.description,
      primary: field.required || PRIMARY.has(name),
    };
    if (control === "select")
      spec.options = selectOptions(field, model?.field === name ? model.only : undefined);
    if (control === "number") {
      if (field.min !== undefined) spec.min = field.min;
      if (field.max !== undefined) spec.max = field.max;
      spec.step = field.kind === "integer" ? "1" : "any";
    }
    if (field.example !== undefined && (control === "text" || control === "textarea" || control === "list")) {
      spec.placeholder = Array.isArray(field.example) ? field.example.join(", ") : String(field.example);
    }
    if (field.file?.sameSizeAs !== undefined) spec.maskOf = field.file.sameSizeAs;
    const types = accept(field);
    if (types !== undefined) spec.accept = types;
    if (field.file !== undefined) spec.takesImages = takesImages(field);
    return spec;
  });
}
