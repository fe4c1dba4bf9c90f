import { type ColorPalette, SEED_MAX, type Size } from "@ideokit/core";
import { describeImage } from "./describe.ts";
import { type EmulatedOperation, isFileField } from "./emulated-operation.ts";
import { encodeImageId, type ImageSpec } from "./image-id.ts";
import { designLayers, detectedTextBlocks } from "./layers.ts";
import { enhancedPrompt, magicPrompt } from "./magic-prompt.ts";
import { outputSize, statedResolution } from "./output-size.ts";
import { PALETTE_PRESET_COLORS } from "./palette.ts";
import { hashBytes, hashString, mixSeeds } from "./seeded-random.ts";

/** What answering needs beyond the checked input: signing, the clock, seeds and the safety words. */
export interface AnswerContext {
  /** Where this emulator's image routes live (origin plus any mount prefix). */
  base: string;
  created: number;
  expiresAt: number;
  sign(id: string, expiresAt: number): Promise<string>;
  random: () => number;
  /** Whether a text contains one of the `unsafeWords` (answered with `is_image_safe: false`). */
  unsafe(text: string): boolean;
}

/** The 200 body of a checked request to `operation`, in the spec's shape for its response kind. */
export async function answer(
  operation: EmulatedOperation,
  input: Record<string, unknown>,
  context: AnswerContext,
): Promise<unknown> {
  const fingerprint = await filesFingerprint(operation, input);
  const prompt = typeof input.prompt === "string" ? input.prompt : undefined;
  switch (operation.response) {
    case "magic-prompt":
      return { magic_prompt: enhancedPrompt(prompt ?? "") };
    case "descriptions":
      return { descriptions: [{ text: describeImage(fingerprint) }] };
    case "layerize":
      return layerize(operation, input, fingerprint, context);
    default: {
      const images = await imageObjects(operation, input, fingerprint, context);
      const created = pythonIsoTimestamp(context.created);
      if (operation.response === "images") return { created, data: images.map((image) => image.object) };
      const assets = Array.isArray(input.reference_asset_images) ? input.reference_asset_images.length : 0;
      const font = typeof input.font_name_h1 === "string" ? input.font_name_h1 : undefined;
      const text = prompt ?? describeImage(fingerprint);
      const data = images.map(({ object, size, seed }) => ({
        ...object,
        ...designLayers(text, size, seed, assets, font),
      }));
      return { created, data };
    }
  }
}

/** One image object per `num_images`, with the size and seed its layers are laid out for. */
async function imageObjects(
  operation: EmulatedOperation,
  input: Record<string, unknown>,
  fingerprint: number,
  context: AnswerContext,
): Promise<{ object: Record<string, unknown>; size: Size; seed: number }[]> {
  const size = await outputSize(operation, input);
  const { resolution, upscaled } = statedResolution(operation, size);
  const asked = typeof input.prompt === "string" ? input.prompt : undefined;
  const option = String(input.magic_prompt ?? input.magic_prompt_option ?? "AUTO");
  const prompt = asked === undefined ? describeImage(fingerprint) : magicPrompt(asked, option);
  const safe = !context.unsafe(asked ?? "");
  const transparent = operation.id === "v3.generateTransparent" || input.transparent_background === true;
  const count = typeof input.num_images === "number" ? input.num_images : 1;
  const styleType = styleTypeOf(operation, input.style_type);
  // Without files the picture depends on the prompt alone, as generate's always has.
  const promptHash = fingerprint === 0 ? hashString(prompt) : mixSeeds(hashString(prompt), fingerprint);
  return Promise.all(
    Array.from({ length: count }, async (_, variant) => {
      const seed =
        typeof input.seed === "number" ? input.seed : Math.floor(context.random() * (SEED_MAX + 1));
      const spec: ImageSpec = {
        ...size,
        seed,
        promptHash,
        variant,
        ...paletteOf(input.color_palette),
        ...(transparent && { transparent: true }),
      };
      const object = {
        is_image_safe: safe,
        prompt,
        resolution,
        ...(upscaled !== undefined && { upscaled_resolution: upscaled }),
        seed,
        ...styleType,
        url: safe ? await imageUrl(spec, context) : null,
      };
      return { object, size, seed };
    }),
  );
}

async function layerize(
  operation: EmulatedOperation,
  input: Record<string, unknown>,
  fingerprint: number,
  context: AnswerContext,
) {
  const size = await outputSize(operation, input);
  const seed = typeof input.seed === "number" ? input.seed : Math.floor(context.random() * (SEED_MAX + 1));
  const promptHash = mixSeeds(hashString(typeof input.prompt === "string" ? input.prompt : ""), fingerprint);
  const spec: ImageSpec = { ...size, seed, promptHash, variant: 0 };
  return {
    base_image_url: await imageUrl(spec, context),
    original_image_url: await imageUrl({ ...spec, variant: 1 }, context),
    text_blocks: detectedTextBlocks(mixSeeds(fingerprint, seed), size),
    seed,
  };
}

/**
 * `style_type` as each API version states it: the legacy endpoints echo it or say `null` (as the
 * reseller's page shows), 3.0 echoes it or its default GENERAL, and endpoints without the field
 * leave it out.
 */
function styleTypeOf(operation: EmulatedOperation, value: unknown): { style_type?: unknown } {
  if (!operation.path.startsWith("/v1/")) return { style_type: value ?? null };
  if (operation.fields.style_type === undefined) return {};
  return { style_type: value ?? "GENERAL" };
}

/** A palette the picture can paint (a known preset or members), else none. */
function paletteOf(value: unknown): { palette?: ColorPalette } {
  if (typeof value !== "object" || value === null) return {};
  const palette = value as ColorPalette;
  if (palette.name !== undefined && !(palette.name in PALETTE_PRESET_COLORS)) return {};
  return { palette };
}

async function imageUrl(spec: ImageSpec, context: AnswerContext): Promise<string> {
  const id = encodeImageId(spec);
  const signature = await context.sign(id, context.expiresAt);
  return `${context.base}/images/ephemeral/${id}.png?exp=${context.expiresAt}&sig=${signature}`;
}

/** One hash of every uploaded file's bytes, in the table's field order; 0 without files. */
async function filesFingerprint(
  operation: EmulatedOperation,
  input: Record<string, unknown>,
): Promise<number> {
  const hashes: number[] = [];
  for (const [name, field] of Object.entries(operation.fields)) {
    if (!isFileField(field)) continue;
    const value = input[name];
    for (const file of Array.isArray(value) ? value : [value]) {
      if (file instanceof Blob) hashes.push(hashBytes(new Uint8Array(await file.arrayBuffer())));
    }
  }
  return hashes.length === 0 ? 0 : mixSeeds(...hashes);
}

/** "2024-12-15T17:32:00.965000+00:00": the service's timestamp format (Python isoformat, microseconds). */
export function pythonIsoTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "000+00:00");
}
