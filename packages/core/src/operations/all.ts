import type { TableOperation } from "../table/define.ts";
import { describeOperation } from "./describe.ts";
import { editOperation } from "./edit.ts";
import { editImagesOperation } from "./edit-images.ts";
import { generateOperation } from "./generate.ts";
import { magicPromptOperation } from "./magic-prompt.ts";
import { reframeOperation } from "./reframe.ts";
import { remixOperation } from "./remix.ts";
import { upscaleOperation } from "./upscale.ts";
import { v3GenerateDesignOperation, v3GraphicOperation } from "./v3-design.ts";
import { v3EditOperation, v3InpaintOperation } from "./v3-edit.ts";
import { v3GenerateOperation } from "./v3-generate.ts";
import { v3GenerateTransparentOperation } from "./v3-generate-transparent.ts";
import { v3LayerizeDesignOperation, v3LayerizeTextOperation } from "./v3-layerize.ts";
import { v3ReframeOperation } from "./v3-reframe.ts";
import { v3RemixOperation } from "./v3-remix.ts";
import { v3ReplaceBackgroundOperation } from "./v3-replace-background.ts";
import { v3TryOnOperation } from "./v3-try-on.ts";
import { v4GenerateOperation } from "./v4-generate.ts";

// Every operation in one list, in a module of its own: importing one operation elsewhere never
// pulls this list (and with it every other operation) into a bundle.

/** Every operation of the table: legacy first, then Ideogram 3.0, then 4.0. */
export const OPERATIONS = [
  generateOperation,
  editOperation,
  remixOperation,
  reframeOperation,
  upscaleOperation,
  describeOperation,
  magicPromptOperation,
  editImagesOperation,
  v3GenerateOperation,
  v3EditOperation,
  v3RemixOperation,
  v3ReframeOperation,
  v3ReplaceBackgroundOperation,
  v3GenerateTransparentOperation,
  v3InpaintOperation,
  v3GenerateDesignOperation,
  v3GraphicOperation,
  v3LayerizeTextOperation,
  v3LayerizeDesignOperation,
  v3TryOnOperation,
  v4GenerateOperation,
] as const;

/** The id of one of {@link OPERATIONS}: `"generate"`, `"v3.replaceBackground"`, … */
export type OperationId = (typeof OPERATIONS)[number]["id"];

/** The operation with this id (`"v3.replaceBackground"`), or `undefined`. */
export function operationById(id: string): TableOperation | undefined {
  return (OPERATIONS as readonly TableOperation[]).find((operation) => operation.id === id);
}
