import { COLOR_PALETTE_PRESETS } from "../enums.ts";
import { COLOR_PALETTE_FIELDS, COLOR_PALETTE_MEMBER_FIELDS } from "../fields.ts";
import type { ValidationIssue } from "../issues.ts";
import {
  COLOR_HEX_PATTERN,
  COLOR_WEIGHT_MAX,
  COLOR_WEIGHT_MIN,
  PALETTE_MEMBERS_MAX,
  PALETTE_MEMBERS_MIN,
} from "../limits.ts";
import {
  colorHexMessage,
  colorWeightMessage,
  enumMessage,
  objectMessage,
  paletteMembersMessage,
  paletteShapeMessage,
} from "../messages.ts";
import { isRecord, numberIssueCode, type Path, unknownKeys } from "./check-support.ts";

// The palette is the one nested object of the request fields; its two shapes and member rules
// are the same on every endpoint that takes one, so they live here once.

function checkMember(member: unknown, path: Path, issues: ValidationIssue[]): void {
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

function checkMembers(members: unknown, path: Path, issues: ValidationIssue[]): void {
  if (!Array.isArray(members)) {
    const code = members === undefined ? "required" : "invalid_type";
    issues.push({ path, code, message: paletteMembersMessage(members) });
    return;
  }
  if (members.length < PALETTE_MEMBERS_MIN || members.length > PALETTE_MEMBERS_MAX) {
    const code = members.length < PALETTE_MEMBERS_MIN ? "too_small" : "too_big";
    issues.push({ path, code, message: paletteMembersMessage(members) });
  }
  for (let index = 0; index < members.length; index++) checkMember(members[index], [...path, index], issues);
}

/** Appends every problem of a colour palette at `path`: exactly one of `name` or `members`. */
export function checkPalette(palette: unknown, path: Path, issues: ValidationIssue[]): void {
  const hasName = isRecord(palette) && palette.name !== undefined;
  const hasMembers = isRecord(palette) && palette.members !== undefined;
  if (!isRecord(palette) || hasName === hasMembers) {
    issues.push({ path, code: "invalid_palette", message: paletteShapeMessage(palette) });
    if (isRecord(palette)) unknownKeys(palette, COLOR_PALETTE_FIELDS, path, issues);
    return;
  }
  if (hasName) {
    const name = palette.name;
    if (!(COLOR_PALETTE_PRESETS as readonly unknown[]).includes(name)) {
      issues.push({
        path: [...path, "name"],
        code: "invalid_enum",
        message: enumMessage("colour palette preset", COLOR_PALETTE_PRESETS, "COLOR_PALETTE_PRESETS", name),
      });
    }
  } else {
    checkMembers(palette.members, [...path, "members"], issues);
  }
  unknownKeys(palette, hasName ? ["name"] : ["members"], path, issues);
}
