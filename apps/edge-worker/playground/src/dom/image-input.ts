import type { ControlSpec } from "../operation-fields.ts";
import { h } from "./element.ts";

/** The images chosen so far, by field name; kept across operations so an image follows a switch. */
export const chosenFiles = new Map<string, Blob[]>();

/** Puts files into a field's slot and tells the form (input event) so it re-validates and re-renders. */
export function setFiles(name: string, files: readonly Blob[], from: Element): void {
  chosenFiles.set(name, [...files]);
  from.dispatchEvent(new CustomEvent("files-changed", { bubbles: true, detail: name }));
}

function preview(files: readonly Blob[], images: boolean): HTMLElement[] {
  return files.map((file) => {
    if (!images) return h("li", {}, file instanceof File ? file.name : "Chosen file");
    const url = URL.createObjectURL(file);
    const img = h("img", { src: url, alt: file instanceof File ? file.name : "Chosen image" });
    img.addEventListener("load", () => URL.revokeObjectURL(url), { once: true });
    return h("li", {}, img);
  });
}

/**
 * A file control: picker, drag and drop onto it, and, for images, paste while it has focus (the page
 * sends other pastes to the operation's first image field, or its only image list). Its element id
 * is the field name, so field errors land on it. A font field lists its file by name.
 */
export function imageInput(spec: ControlSpec): HTMLElement {
  const multiple = spec.control === "files";
  const images = spec.takesImages !== false;
  const ways = images ? "drop, paste or " : "drop or ";
  const what = images ? (multiple ? "images" : "an image") : multiple ? "fonts" : "a font";
  const input = h("input", {
    type: "file",
    id: `${spec.name}-input`,
    class: "visually-hidden",
    accept: spec.accept ?? "",
    multiple,
  });
  const files = chosenFiles.get(spec.name) ?? [];
  const list = h("ul", { class: "thumbs" }, ...preview(files, images));
  const zone = h(
    "div",
    {
      class: "drop",
      id: spec.name,
      tabindex: 0,
      "data-files": spec.name,
      "aria-describedby": `${spec.name}-hint ${spec.name}-error`,
    },
    input,
    list,
    h(
      "span",
      { class: "drop-text" },
      files.length === 0 ? ways.charAt(0).toUpperCase() + ways.slice(1) : `Replace: ${ways}`,
    ),
    h("label", { for: input.id, class: "link" }, `choose ${what}`),
  );
  const take = (picked: readonly File[]) => {
    if (picked.length > 0) setFiles(spec.name, multiple ? picked : picked.slice(0, 1), zone);
  };
  input.addEventListener("change", () => take([...(input.files ?? [])]));
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("over");
    take([...(event.dataTransfer?.files ?? [])]);
  });
  if (files.length > 0) {
    const clear = h("button", { type: "button", class: "link" }, "Remove");
    clear.addEventListener("click", () => setFiles(spec.name, [], zone));
    zone.append(" · ", clear);
  }
  return zone;
}

/** The image files of a paste, if any. */
export function pastedImages(event: ClipboardEvent): File[] {
  return [...(event.clipboardData?.files ?? [])].filter((file) => file.type.startsWith("image/"));
}
