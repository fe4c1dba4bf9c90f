import type { Size } from "@ideokit/core";
import { seededRandom } from "./seeded-random.ts";

// The text and image layers of the design answers, in the spec's shapes (TextContainerV3,
// ImageLayerV3, DetectedTextBlock). Their content is derived from the prompt (or the file's hash)
// and their boxes from the picture's size, so answers are deterministic and lie inside the image.

const FONTS = ["Inter-Bold.ttf", "Montserrat-SemiBold.ttf", "Lora-Regular.ttf", "Roboto-Regular.ttf"];
const COLORS = ["#212121", "#fafafa", "#b71c1c", "#0d47a1", "#1b5e20"];
const SIGN_WORDS = ["OPEN", "SALE", "Fresh Coffee", "Welcome", "Grand Opening", "Since 1984", "Hello World"];

/** The text a design shows: the prompt's first quoted phrase (as Ideogram renders it), else its first words. */
function designText(prompt: string): { headline: string; body: string } {
  const quoted = /["“]([^"”]+)["”]/.exec(prompt)?.[1]?.trim();
  const words = prompt.replace(/["“”]/g, "").trim().split(/\s+/).filter(Boolean);
  const headline = quoted || words.slice(0, 3).join(" ") || "Untitled";
  return { headline, body: words.slice(0, 8).join(" ") || headline };
}

/** `text_containers`, `text_html` and `image_layers` of a layered image (generate-design, graphic, layerize-design). */
export function designLayers(prompt: string, size: Size, seed: number, assetCount: number, font?: string) {
  const random = seededRandom(seed);
  const { headline, body } = designText(prompt);
  const color = COLORS[Math.floor(random() * COLORS.length)]!;
  const margin = Math.round(size.width * 0.08);
  const width = size.width - 2 * margin;
  const heading = Math.max(1, Math.round(size.height * 0.12));
  const item = (text: string, y: number, height: number, styleClass: "h1" | "body", fontSize: number) => ({
    x: margin,
    y,
    width,
    height,
    alignment: "center" as const,
    angle: 0,
    style_class: styleClass,
    glyph_type: null,
    font_file: font ?? FONTS[styleClass === "h1" ? 0 : 3]!,
    font_candidates: FONTS.slice(1, 3),
    font_size: fontSize,
    line_height: 1.2,
    spans: [{ text, color, font_fx: styleClass === "h1" ? ["bold"] : [] }],
  });
  const textContainers = [
    {
      id: "container_01",
      items: [
        item(headline, margin, heading, "h1", Math.max(1, Math.round(heading * 0.6))),
        item(
          body,
          margin + heading,
          Math.max(1, Math.round(heading / 2)),
          "body",
          Math.max(1, Math.round(heading * 0.25)),
        ),
      ],
    },
  ];
  const side = Math.max(1, Math.round(Math.min(size.width, size.height) * 0.15));
  const imageLayers = Array.from({ length: assetCount }, (_, index) => ({
    ref_id: `REF_${index}`,
    x: index % 2 === 0 ? margin : size.width - margin - side,
    y: size.height - margin - side,
    width: side,
    height: side,
  }));
  const textHtml = `<div id="container_01"><h1>${escapeHtml(headline)}</h1><p>${escapeHtml(body)}</p></div>`;
  return { text_containers: textContainers, text_html: textHtml, image_layers: imageLayers };
}

/** The `text_blocks` of a layerize-text answer: one to three blocks, from the file's fingerprint. */
export function detectedTextBlocks(fingerprint: number, size: Size) {
  const random = seededRandom(fingerprint);
  const count = 1 + Math.floor(random() * 3);
  const rowHeight = Math.max(1, Math.floor(size.height / (count + 1)));
  return Array.from({ length: count }, (_, index) => {
    const heading = index === 0;
    return {
      x: Math.floor(size.width * 0.1),
      y: Math.floor(rowHeight * (index + 0.5)),
      width: Math.max(1, Math.floor(size.width * 0.8)),
      height: Math.max(1, Math.floor(rowHeight * 0.6)),
      text: SIGN_WORDS[Math.floor(random() * SIGN_WORDS.length)]!,
      alignment: "center" as const,
      angle: 0,
      font_name: FONTS[index % FONTS.length]!.replace(/\.ttf$/, ""),
      font_alternatives: FONTS.slice(2).map((font) => font.replace(/\.ttf$/, "")),
      font_size: Math.max(1, Math.floor(rowHeight * (heading ? 0.4 : 0.2))),
      line_height: 1.2,
      color: COLORS[Math.floor(random() * COLORS.length)]!,
      formatting: heading ? ["bold"] : [],
      role: heading ? ("heading" as const) : ("body" as const),
    };
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
