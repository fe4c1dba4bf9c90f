import {
  ASPECT_RATIOS,
  DEFAULT_MODEL,
  MAGIC_PROMPT_OPTIONS,
  MODELS,
  NUM_IMAGES_MAX,
  NUM_IMAGES_MIN,
  RESOLUTIONS,
  SEED_MAX,
  STYLE_TYPES,
} from "@ideokit/core";
import { aspectRatioLabel, modelLabel, resolutionLabel, titleCase } from "../enum-labels.ts";
import type { FormValues } from "../form-values.ts";
import { byId } from "./element.ts";
import { readPalette, setupPalette } from "./palette.ts";
import { fillSelect } from "./select-options.ts";

function value(id: string): string {
  return byId<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(id).value;
}

/** Fills every choice from core's enum tuples and limits, and wires the palette and seed helpers. */
export function setupForm(): void {
  fillSelect(byId("aspect_ratio"), ASPECT_RATIOS, aspectRatioLabel, "Default");
  fillSelect(byId("resolution"), RESOLUTIONS, resolutionLabel, "Default (from aspect ratio)");
  fillSelect(byId("model"), MODELS, modelLabel, `Default (${modelLabel(DEFAULT_MODEL)})`);
  fillSelect(byId("style_type"), STYLE_TYPES, titleCase, "Default");
  fillSelect(byId("magic_prompt_option"), MAGIC_PROMPT_OPTIONS, titleCase, "Default");
  const count = byId<HTMLInputElement>("num_images");
  count.min = String(NUM_IMAGES_MIN);
  count.max = String(NUM_IMAGES_MAX);
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
