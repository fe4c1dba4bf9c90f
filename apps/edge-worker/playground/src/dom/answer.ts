import { parseResolution } from "@ideokit/browser";
import { byId, h } from "./element.ts";
import { frame } from "./gallery.ts";

// Every answer of the table is shown from its shape: images (with layers when a design operation
// gives them), describe's texts, magic prompt's prompt, layerize-text's
// blocks.

/** What a result card can offer: reuse its seed, or feed its image into another operation. */
export interface ResultActions {
  onUseSeed(seed: number): void;
  /** The operations an image can go into, as `[id, label]`. */
  targets: readonly (readonly [string, string])[];
  onUseImage(url: string, operationId: string): void;
}

interface ShownImage {
  url?: string | null;
  prompt?: string;
  resolution?: string;
  upscaled_resolution?: string | null;
  seed?: number;
  text_containers?: { items?: { spans?: { text?: string }[] }[] }[] | null;
  image_layers?: { ref_id?: string; x: number; y: number; width: number; height: number }[] | null;
}

/** Shows an operation's answer; returns how many results it had, for the status line. */
export function showAnswer(answer: unknown, actions: ResultActions): number {
  const gallery = byId("gallery");
  gallery.classList.remove("previous");
  const body = answer as {
    data?: ShownImage[];
    descriptions?: { text?: string }[];
    base_image_url?: string;
    text_blocks?: { text?: string }[];
    magic_prompt?: string;
    seed?: number;
  };
  if (typeof body.magic_prompt === "string") {
    gallery.replaceChildren(h("blockquote", { class: "magic-prompt" }, body.magic_prompt));
    return 1;
  }
  if (Array.isArray(body.descriptions)) {
    const texts = body.descriptions.map((item) => h("li", { class: "description" }, item.text ?? ""));
    gallery.replaceChildren(h("ol", { class: "descriptions" }, ...texts));
    return texts.length;
  }
  if (typeof body.base_image_url === "string") {
    const image: ShownImage = { url: body.base_image_url };
    if (body.seed !== undefined) image.seed = body.seed;
    const card = imageCard(image, 0, 1, actions);
    const blocks = (body.text_blocks ?? []).map((block) => h("li", {}, block.text ?? ""));
    card.append(
      h(
        "details",
        { class: "layers", open: true },
        h("summary", {}, `Text layers (${blocks.length})`),
        h("ol", {}, ...blocks),
      ),
    );
    gallery.replaceChildren(card);
    return 1;
  }
  const images = body.data ?? [];
  gallery.replaceChildren(...images.map((image, index) => imageCard(image, index, images.length, actions)));
  return images.length;
}

function layerList(
  image: ShownImage,
  size: { width: number; height: number } | undefined,
  box: HTMLElement,
): HTMLElement | undefined {
  const texts = (image.text_containers ?? []).flatMap((container) =>
    (container.items ?? []).map((item) => (item.spans ?? []).map((span) => span.text ?? "").join("")),
  );
  const pictures = image.image_layers ?? [];
  if (texts.length === 0 && pictures.length === 0) return undefined;
  if (size !== undefined) {
    // Outline each image layer where it sits, in percent so it scales with the frame.
    for (const layer of pictures) {
      const outline = h("span", { class: "layer-box", title: layer.ref_id ?? "image layer" });
      outline.style.left = `${(layer.x / size.width) * 100}%`;
      outline.style.top = `${(layer.y / size.height) * 100}%`;
      outline.style.width = `${(layer.width / size.width) * 100}%`;
      outline.style.height = `${(layer.height / size.height) * 100}%`;
      box.append(outline);
    }
  }
  return h(
    "details",
    { class: "layers", open: true },
    h("summary", {}, `Layers (${texts.length + pictures.length})`),
    h(
      "ol",
      {},
      ...texts.map((text) => h("li", {}, h("span", { class: "layer-kind" }, "Text "), text)),
      ...pictures.map((layer) =>
        h(
          "li",
          {},
          h("span", { class: "layer-kind" }, "Image "),
          `${layer.ref_id ?? ""} at ${layer.x}, ${layer.y} (${layer.width} × ${layer.height})`,
        ),
      ),
    ),
  );
}

function useImageControl(url: string, actions: ResultActions): HTMLElement {
  const select = h(
    "select",
    { "aria-label": "Use this result in" },
    h("option", { value: "" }, "Use this result in…"),
    ...actions.targets.map(([id, label]) => h("option", { value: id }, label)),
  );
  select.addEventListener("change", () => {
    if (select.value !== "") actions.onUseImage(url, select.value);
    select.value = "";
  });
  return select;
}

function imageCard(image: ShownImage, index: number, count: number, actions: ResultActions): HTMLElement {
  // `resolution` is the nearest standard size; `upscaled_resolution`, when given, the image's own
  // (an upscale, or a 3.0 edit of an image of another size).
  const stated = image.upscaled_resolution ?? image.resolution;
  const size = stated ? parseResolution(stated) : undefined;
  const box = frame(size === undefined ? "1" : `${size.width} / ${size.height}`);
  const label = `Image ${index + 1} of ${count}`;
  if (image.url) {
    const img = h("img", {
      src: image.url,
      alt: `${label}: ${image.prompt ?? ""}`.trim(),
      decoding: "async",
      ...(size === undefined ? {} : { width: size.width, height: size.height }),
    });
    img.addEventListener("load", () => box.classList.add("loaded"), { once: true });
    box.append(img);
  } else {
    box.append(h("p", { class: "unsafe" }, "Flagged as unsafe by the service, so no image was returned."));
  }
  const meta = h("dl", { class: "meta" });
  if (image.seed !== undefined) {
    const seed = image.seed;
    const reuse = h("button", { type: "button", class: "link", "aria-label": `Use seed ${seed}` }, "Use");
    reuse.addEventListener("click", () => actions.onUseSeed(seed));
    meta.append(h("div", {}, h("dt", {}, "Seed"), h("dd", { class: "seed" }, String(seed), " ", reuse)));
  }
  if (size !== undefined) {
    meta.append(
      h("div", {}, h("dt", {}, "Size"), h("dd", { class: "size" }, `${size.width} × ${size.height}`)),
    );
  }
  const caption = h("figcaption", {}, meta);
  if (image.prompt) caption.append(h("p", { class: "prompt", title: image.prompt }, image.prompt));
  if (image.url) {
    caption.append(
      h(
        "div",
        { class: "card-actions" },
        useImageControl(image.url, actions),
        h(
          "a",
          {
            class: "download",
            href: image.url,
            download: `ideokit-${image.seed ?? index + 1}.png`,
            target: "_blank",
            rel: "noopener",
            "aria-label": `Download ${label.toLowerCase()}`,
          },
          "Download",
        ),
      ),
    );
  }
  const layers = layerList(image, size, box);
  if (layers !== undefined) caption.append(layers);
  return h("figure", { class: "card" }, box, caption);
}
