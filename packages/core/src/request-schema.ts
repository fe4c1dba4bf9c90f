import { looseObject, strictObject, type ZodMiniType } from "zod/mini";
import { objectMessage, unknownKeyMessage } from "./messages.ts";
import type { InputOf } from "./operation.ts";
import { generateOperation } from "./operations/generate.ts";
import type { ColorPalette, ColorPaletteMember } from "./table/palette-types.ts";
import { inputSchema, memberSchema, paletteSchema } from "./table/zod.ts";

// The legacy generate's zod/mini schemas, derived from its table entry (operations/generate.ts).
// Each is one call under a pure annotation, so a bundle that does not use it drops it and zod.

/** One colour of a custom palette: `#rgb`/`#rrggbb` plus an optional weight 0.05–1. */
export const ColorPaletteMemberSchema: ZodMiniType<ColorPaletteMember> = /* @__PURE__ */ memberSchema();

/** A colour palette: exactly one of a preset `{ name }` or custom `{ members }`. */
export const ColorPaletteSchema: ZodMiniType<ColorPalette> = /* @__PURE__ */ paletteSchema();

/** `image_request` as documented: unknown fields rejected, cross-field rules enforced. */
export const ImageRequestSchema: ZodMiniType<ImageRequest> = /* @__PURE__ */ inputSchema(generateOperation);

/** Like {@link ImageRequestSchema} but lets unknown (newer upstream) fields through untouched. */
export const LooseImageRequestSchema: ZodMiniType<ImageRequest> = /* @__PURE__ */ inputSchema(
  generateOperation,
  {
    unknownKeys: "passthrough",
  },
);

function envelope(imageRequest: ZodMiniType<ImageRequest>, strict: boolean): ZodMiniType<GenerateRequest> {
  const error = (issue: { code?: string; input?: unknown; keys?: string[] }) =>
    issue.code === "unrecognized_keys"
      ? (issue.keys ?? []).map((key) => `${key}: ${unknownKeyMessage(key, ["image_request"])}`).join("; ")
      : objectMessage(issue.input);
  return (strict ? strictObject : looseObject)({ image_request: imageRequest }, { error });
}

/** The `/generate` body: `{ image_request }`. */
export const GenerateRequestSchema: ZodMiniType<GenerateRequest> = /* @__PURE__ */ envelope(
  ImageRequestSchema,
  true,
);

/** Like {@link GenerateRequestSchema} but lets unknown fields through at both levels. */
export const LooseGenerateRequestSchema: ZodMiniType<GenerateRequest> = /* @__PURE__ */ envelope(
  LooseImageRequestSchema,
  false,
);

/** A valid `image_request`: the legacy generate's input. */
export type ImageRequest = InputOf<typeof generateOperation>;
/** A valid `/generate` body. */
export type GenerateRequest = { image_request: ImageRequest };
