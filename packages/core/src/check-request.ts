import { crossFieldIssues } from "./cross-field-rules.ts";
import {
  ASPECT_RATIOS,
  COLOR_PALETTE_PRESETS,
  MAGIC_PROMPT_OPTIONS,
  MAGIC_PROMPT_VERSIONS,
  MODELS,
  RESOLUTIONS,
  STYLE_TYPES,
} from "./enums.ts";
import {
  COLOR_PALETTE_FIELDS,
  COLOR_PALETTE_MEMBER_FIELDS,
  IMAGE_REQUEST_FIELDS,
  type ImageRequestField,
} from "./fields.ts";
import type { IssueCode, ValidationIssue } from "./issues.ts";
import {
  COLOR_HEX_PATTERN,
  COLOR_WEIGHT_MAX,
  COLOR_WEIGHT_MIN,
  NUM_IMAGES_MAX,
  NUM_IMAGES_MIN,
  PALETTE_MEMBERS_MAX,
  PALETTE_MEMBERS_MIN,
  SEED_MAX,
  SEED_MIN,
} from "./limits.ts";
import {
  BLANK_MESSAGE,
  colorHexMessage,
  colorWeightMessage,
  enumMessage,
  integerRangeMessage,
  objectMessage,
  paletteMembersMessage,
  paletteShapeMessage,
  stringMessage,
  unknownKeyMessage,
} from "./messages.ts";

// The hand-written twin of ImageRequestSchema: same rules, same messages, no zod at runtime, so
// validation stays fast and small in browsers. Property tests keep the two in agreement.

type Path = (string | number)[];
type Issues = ValidationIssue[];
type FieldCheck = (value: unknown, path: Path, issues: Issues) => void;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function enumCheck(values: readonly string[], label: string, listName: string): FieldCheck {
  return (value, path, issues) => {
    if (!values.includes(value as string)) {
      issues.push({ path, code: "invalid_enum", message: enumMessage(label, values, listName, value) });
    }
  };
}

/** Why `value` is not a number from `min` up (and, when `integer`, not an integer). */
function numberIssueCode(value: unknown, min: number, integer: boolean): IssueCode {
  if (typeof value !== "number" || !Number.isFinite(value)) return "invalid_type";
  if (integer && !Number.isInteger(value)) return "not_integer";
  return value < min ? "too_small" : "too_big";
}

function integerCheck(min: number, max: number): FieldCheck {
  return (value, path, issues) => {
    if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) return;
    issues.push({
      path,
      code: numberIssueCode(value, min, true),
      message: integerRangeMessage(min, max, value),
    });
  };
}

function stringCheck(purpose: string): FieldCheck {
  return (value, path, issues) => {
    if (typeof value !== "string")
      issues.push({ path, code: "invalid_type", message: stringMessage(purpose, value) });
  };
}

function unknownKeys(
  object: Record<string, unknown>,
  known: readonly string[],
  path: Path,
  issues: Issues,
): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) {
      issues.push({ path: [...path, key], code: "unknown_key", message: unknownKeyMessage(key, known) });
    }
  }
}

function checkMember(member: unknown, path: Path, issues: Issues): void {
  if (!isRecord(member)) {
    issues.push({ path, code: "invalid_type", message: objectMessage(member) });
    return;
  }
  const hex = member.color_hex;
  if (typeof hex !== "string" || !COLOR_HEX_PATTERN.test(hex)) {
    const code = hex === undefined ? "required" : typeof hex === "string" ? "invalid_format" : "invalid_type";
    issues.push({ path: [...path, "color_hex"], code, message: colorHexMessage(hex) });
  }
  const weight = member.color_weight;
  const weightOk = typeof weight === "number" && weight >= COLOR_WEIGHT_MIN && weight <= COLOR_WEIGHT_MAX;
  if (weight !== undefined && !weightOk) {
    const code = numberIssueCode(weight, COLOR_WEIGHT_MIN, false);
    issues.push({ path: [...path, "color_weight"], code, message: colorWeightMessage(weight) });
  }
  unknownKeys(member, COLOR_PALETTE_MEMBER_FIELDS, path, issues);
}

const checkPaletteName = enumCheck(COLOR_PALETTE_PRESETS, "colour palette preset", "COLOR_PALETTE_PRESETS");

function checkMembers(members: unknown, path: Path, issues: Issues): void {
  if (!Array.isArray(members)) {
    issues.push({
      path,
      code: members === undefined ? "required" : "invalid_type",
      message: paletteMembersMessage(members),
    });
    return;
  }
  if (members.length < PALETTE_MEMBERS_MIN || members.length > PALETTE_MEMBERS_MAX) {
    const code = members.length < PALETTE_MEMBERS_MIN ? "too_small" : "too_big";
    issues.push({ path, code, message: paletteMembersMessage(members) });
  }
  for (let index = 0; index < members.length; index++) checkMember(members[index], [...path, index], issues);
}

function checkPalette(palette: unknown, path: Path, issues: Issues): void {
  const hasName = isRecord(palette) && palette.name !== undefined;
  const hasMembers = isRecord(palette) && palette.members !== undefined;
  if (!isRecord(palette) || hasName === hasMembers) {
    issues.push({ path, code: "invalid_palette", message: paletteShapeMessage(palette) });
    if (isRecord(palette)) unknownKeys(palette, COLOR_PALETTE_FIELDS, path, issues);
    return;
  }
  if (hasName) checkPaletteName(palette.name, [...path, "name"], issues);
  else checkMembers(palette.members, [...path, "members"], issues);
  unknownKeys(palette, hasName ? ["name"] : ["members"], path, issues);
}

const FIELD_CHECKS: Record<Exclude<ImageRequestField, "prompt">, FieldCheck> = {
  aspect_ratio: enumCheck(ASPECT_RATIOS, "aspect ratio", "ASPECT_RATIOS"),
  model: enumCheck(MODELS, "model", "MODELS"),
  magic_prompt_option: enumCheck(MAGIC_PROMPT_OPTIONS, "magic prompt option", "MAGIC_PROMPT_OPTIONS"),
  magic_prompt_version: enumCheck(MAGIC_PROMPT_VERSIONS, "magic prompt version", "MAGIC_PROMPT_VERSIONS"),
  seed: integerCheck(SEED_MIN, SEED_MAX),
  style_type: enumCheck(STYLE_TYPES, "style type", "STYLE_TYPES"),
  negative_prompt: stringCheck("describe what to leave out"),
  num_images: integerCheck(NUM_IMAGES_MIN, NUM_IMAGES_MAX),
  resolution: enumCheck(RESOLUTIONS, "resolution", "RESOLUTIONS"),
  color_palette: checkPalette,
};

function checkPrompt(prompt: unknown, path: Path, issues: Issues): void {
  if (typeof prompt !== "string") {
    const code = prompt === undefined ? "required" : "invalid_type";
    issues.push({ path, code, message: stringMessage("describe the image to generate", prompt) });
  } else if (prompt.trim() === "") {
    issues.push({ path, code: "blank", message: BLANK_MESSAGE });
  }
}

/** Appends every problem of an `image_request` at `path` to `issues`. */
export function checkImageRequest(
  input: unknown,
  path: Path,
  rejectUnknownKeys: boolean,
  issues: Issues,
): void {
  if (!isRecord(input)) {
    issues.push({
      path,
      code: input === undefined ? "required" : "invalid_type",
      message: objectMessage(input),
    });
    return;
  }
  checkPrompt(input.prompt, [...path, "prompt"], issues);
  for (const field in FIELD_CHECKS) {
    const value = input[field];
    if (value !== undefined)
      FIELD_CHECKS[field as keyof typeof FIELD_CHECKS](value, [...path, field], issues);
  }
  if (rejectUnknownKeys) unknownKeys(input, IMAGE_REQUEST_FIELDS, path, issues);
  for (const issue of crossFieldIssues(input)) issues.push({ ...issue, path: [...path, ...issue.path] });
}

/** Appends every problem of a `{ image_request }` body to `issues`. */
export function checkGenerateRequest(input: unknown, rejectUnknownKeys: boolean, issues: Issues): void {
  if (!isRecord(input)) {
    issues.push({ path: [], code: "invalid_type", message: objectMessage(input) });
    return;
  }
  checkImageRequest(input.image_request, ["image_request"], rejectUnknownKeys, issues);
  if (rejectUnknownKeys) unknownKeys(input, ["image_request"], [], issues);
}
