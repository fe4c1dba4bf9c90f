import { SEED_MAX } from "@ideokit/core";
import type { FormValues } from "../form-values.ts";
import { byId } from "./element.ts";
import { readPalette, setupPalette } from "./palette.ts";

function value(id: string): string {
  return byId<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(id).value;
}

/** Wires the palette and the seed helper; the choices themselves are in the page, rendered from core at build time. */
export function setupForm(): void {
  byId("random-seed").addEventListener("click", () => {
    const seed = byId<HTMLInputElement>("seed");
    seed.value = String(Math.floor(Math.random() * (SEED_MAX + 1)));
    seed.dispatchEvent(new Event("input", { bubbles: true }));
  });
  setupPalette();
}

/** Everything the form holds right now. */
export function readForm(): FormValues {
  return {
    prompt: value("prompt"),
    aspect_ratio: value("aspect_ratio"),
    resolution: value("resolution"),
    model: value("model"),
    style_type: value("style_type"),
    magic_prompt_option: value("magic_prompt_option"),
    negative_prompt: value("negative_prompt"),
    seed: value("seed"),
    num_images: value("num_images"),
    palette: readPalette(),
  };
}
