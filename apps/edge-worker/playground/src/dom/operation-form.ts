import { SEED_MAX, type TableOperation } from "@ideokit/core";
import type { ControlValue } from "../form-values.ts";
import type { FieldLabels } from "../issue-fields.ts";
import { type ControlSpec, controlsFor } from "../operation-fields.ts";
import { byId, h } from "./element.ts";
import { chosenFiles, imageInput } from "./image-input.ts";
import { readPalette } from "./palette.ts";

/** The form of one operation, generated from core's field metadata. */
export interface OperationForm {
  readonly operation: TableOperation;
  readonly controls: readonly ControlSpec[];
  /** The form's label of each field, for messages. */
  readonly labels: FieldLabels;
  /** Everything the controls hold right now. */
  read(): Record<string, ControlValue>;
  /** Re-renders a file field (and a mask painted over it) after its files changed. */
  refreshFiles(name: string): void;
}

function typed(spec: ControlSpec): HTMLElement {
  const described = {
    id: spec.name,
    name: spec.name,
    "aria-describedby": `${spec.name}-hint ${spec.name}-error`,
  };
  switch (spec.control) {
    case "textarea":
      return h("textarea", {
        ...described,
        rows: spec.name === "prompt" ? 4 : 2,
        placeholder: spec.placeholder ?? "",
      });
    case "select":
      return h(
        "select",
        described,
        ...(spec.options ?? []).map(([value, label]) => h("option", { value }, label)),
      );
    case "number":
      return h("input", {
        ...described,
        type: "text",
        inputmode: spec.step === "1" ? "numeric" : "decimal",
        autocomplete: "off",
        placeholder: spec.name === "seed" ? "Random" : "",
      });
    default:
      return h("input", { ...described, type: "text", placeholder: spec.placeholder ?? "" });
  }
}

function seedControl(spec: ControlSpec): HTMLElement {
  const input = typed(spec) as HTMLInputElement;
  const pick = h("button", { type: "button", class: "quiet", id: "random-seed" }, "Pick one");
  pick.addEventListener("click", () => {
    input.value = String(Math.floor(Math.random() * (SEED_MAX + 1)));
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  return h("div", { class: "with-button" }, input, pick);
}

/** A mask field: a note until its image is chosen, then the painter, a chunk of its own (mask-painter.ts). */
function maskField(spec: ControlSpec): HTMLElement {
  const image = chosenFiles.get(spec.maskOf as string)?.[0];
  const root = h("div", {
    class: "mask",
    id: spec.name,
    tabindex: -1,
    "aria-describedby": `${spec.name}-hint ${spec.name}-error`,
  });
  if (image === undefined) {
    root.append(h("p", { class: "hint" }, "Choose the image first, then paint the part to change."));
    return root;
  }
  void import("./mask-painter.ts").then(
    ({ mountMaskPainter }) => mountMaskPainter(root, spec.name, image),
    () => root.append(h("p", { class: "hint" }, "The mask painter did not load: reload the page.")),
  );
  return root;
}

function control(spec: ControlSpec): HTMLElement {
  if (spec.maskOf !== undefined) return maskField(spec);
  if (spec.control === "file" || spec.control === "files") return imageInput(spec);
  return spec.name === "seed" ? seedControl(spec) : typed(spec);
}

function fieldBlock(spec: ControlSpec): HTMLElement {
  // The palette's controls live in the page (palette.ts wires them); it is moved in, not rebuilt.
  if (spec.control === "palette") {
    const palette = byId("color_palette");
    palette.hidden = false;
    return palette;
  }
  const labelFor = spec.control === "file" || spec.control === "files" ? `${spec.name}-input` : spec.name;
  const range = spec.min !== undefined && spec.max !== undefined ? ` (${spec.min} to ${spec.max})` : "";
  return h(
    "div",
    { class: "field", "data-field": spec.name },
    h("label", { for: spec.maskOf === undefined ? labelFor : `${spec.name}-brush` }, spec.label),
    control(spec),
    h("p", { class: "hint", id: `${spec.name}-hint` }, spec.hint + range),
    h("p", { class: "field-error", id: `${spec.name}-error` }),
  );
}

function controlValue(spec: ControlSpec): ControlValue {
  if (spec.control === "palette") return readPalette();
  if (spec.control === "file") return chosenFiles.get(spec.name)?.[0];
  if (spec.control === "files") return chosenFiles.get(spec.name) ?? [];
  return document.querySelector<HTMLInputElement>(`#${CSS.escape(spec.name)}`)?.value ?? "";
}

/** Renders `operation`'s form into #fields (main fields) and #more-fields (the folded rest). */
export function renderOperationForm(operation: TableOperation): OperationForm {
  const controls = controlsFor(operation);
  const main = byId("fields");
  const more = byId("more-fields");
  const palette = byId("color_palette");
  palette.hidden = true;
  byId("palette-home").append(palette);
  main.replaceChildren(...controls.filter((spec) => spec.primary).map(fieldBlock));
  more.replaceChildren(...controls.filter((spec) => !spec.primary).map(fieldBlock));
  byId("more").hidden = more.childElementCount === 0;
  const labels = Object.fromEntries(controls.map((spec) => [spec.name, spec.label]));
  const refreshFiles = (name: string) => {
    for (const spec of controls) {
      // A painter exports its own mask: re-rendering it then would drop the strokes and undo.
      if (spec.name === name ? spec.maskOf !== undefined : spec.maskOf !== name) continue;
      const old = document.querySelector(`[data-field="${CSS.escape(spec.name)}"]`);
      old?.replaceWith(fieldBlock(spec));
    }
  };
  return {
    operation,
    controls,
    labels,
    read: () => Object.fromEntries(controls.map((spec) => [spec.name, controlValue(spec)])),
    refreshFiles,
  };
}
