import { COLOR_HEX_PATTERN, COLOR_WEIGHT_MAX, COLOR_WEIGHT_MIN, PALETTE_MEMBERS_MAX } from "@ideokit/core";
import type { PaletteMemberValues, PaletteValues } from "../form-values.ts";
import { memberHexId, memberWeightId, PRESET_FIELD_ID } from "../issue-fields.ts";
import { byId, h } from "./element.ts";

// Starting colours for new rows: distinct enough to see each band in the result.
const STARTER_COLOURS = [
  "#e4572e",
  "#29335c",
  "#f3a712",
  "#17bebb",
  "#a8c686",
  "#669bbc",
  "#d1495b",
  "#edae49",
];

type PaletteMode = PaletteValues["mode"];

function selectedMode(): PaletteMode {
  return (document.querySelector<HTMLInputElement>('input[name="palette_mode"]:checked')?.value ??
    "none") as PaletteMode;
}

/** Reads the palette part of the form. */
export function readPalette(): PaletteValues {
  const mode = selectedMode();
  if (mode === "preset") return { mode, name: byId<HTMLSelectElement>(PRESET_FIELD_ID).value };
  if (mode === "custom") return { mode, members: readMembers() };
  return { mode };
}

function readMembers(): PaletteMemberValues[] {
  return [...byId("palette-members").children].map((_, index) => ({
    hex: byId<HTMLInputElement>(memberHexId(index)).value,
    weight: byId<HTMLInputElement>(memberWeightId(index)).value,
  }));
}

/** Six-digit form of a valid hex colour, for the native colour picker (which takes no `#rgb`). */
function pickerValue(hex: string): string | undefined {
  if (!COLOR_HEX_PATTERN.test(hex)) return undefined;
  return hex.length === 4
    ? `#${[...hex.slice(1)].map((digit) => digit + digit).join("")}`
    : hex.toLowerCase();
}

function memberRow({ hex, weight }: PaletteMemberValues, index: number, count: number): HTMLLIElement {
  const name = `Colour ${index + 1}`;
  const errorId = `palette-${index}-error`;
  const picker = h("input", {
    type: "color",
    value: pickerValue(hex) ?? "#000000",
    "aria-label": `${name} picker`,
  });
  const hexInput = h("input", {
    id: memberHexId(index),
    type: "text",
    value: hex,
    autocomplete: "off",
    spellcheck: "false",
    "aria-label": `${name} hex`,
    "aria-describedby": errorId,
  });
  const weightInput = h("input", {
    id: memberWeightId(index),
    type: "number",
    inputmode: "decimal",
    value: weight,
    min: COLOR_WEIGHT_MIN,
    max: COLOR_WEIGHT_MAX,
    step: COLOR_WEIGHT_MIN,
    placeholder: "Weight",
    "aria-label": `${name} weight`,
    "aria-describedby": errorId,
  });
  picker.addEventListener("input", () => {
    hexInput.value = picker.value;
    hexInput.dispatchEvent(new Event("input", { bubbles: true }));
  });
  hexInput.addEventListener("input", () => {
    const value = pickerValue(hexInput.value.trim());
    if (value !== undefined) picker.value = value;
  });
  const remove = h(
    "button",
    { type: "button", class: "icon", "aria-label": `Remove ${name.toLowerCase()}` },
    "×",
  );
  remove.addEventListener("click", () => {
    const members = readMembers();
    members.splice(index, 1);
    renderMembers(members);
    byId(memberHexId(Math.min(index, members.length - 1))).focus();
  });
  // The last colour stays: "None" is the way to drop the palette.
  remove.disabled = count === 1;
  return h(
    "li",
    { class: "member" },
    picker,
    hexInput,
    weightInput,
    remove,
    h("p", { class: "field-error", id: errorId }),
  );
}

function renderMembers(members: PaletteMemberValues[]): void {
  byId("palette-members").replaceChildren(
    ...members.map((member, index) => memberRow(member, index, members.length)),
  );
  byId<HTMLButtonElement>("add-colour").disabled = members.length >= PALETTE_MEMBERS_MAX;
  byId("palette-members").dispatchEvent(new Event("input", { bubbles: true }));
}

function addMember(): void {
  const members = readMembers();
  members.push({ hex: STARTER_COLOURS[members.length % STARTER_COLOURS.length]!, weight: "" });
  renderMembers(members);
}

function showMode(mode: PaletteMode): void {
  byId("palette-preset").hidden = mode !== "preset";
  byId("palette-custom").hidden = mode !== "custom";
  if (mode === "custom" && readMembers().length === 0) {
    addMember();
    addMember();
  }
}

/** Wires the palette mode switch and the custom colour rows. */
export function setupPalette(): void {
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="palette_mode"]')) {
    radio.addEventListener("change", () => showMode(selectedMode()));
  }
  byId("add-colour").addEventListener("click", () => {
    addMember();
    const rows = byId("palette-members").children.length;
    byId(memberHexId(rows - 1)).focus();
  });
  showMode(selectedMode());
}
