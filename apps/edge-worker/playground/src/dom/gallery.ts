import { type GenerateResponse, type ImageObject, parseResolution } from "@ideokit/core";
import { byId, h } from "./element.ts";

function frame(aspectRatio: string): HTMLDivElement {
  const box = h("div", { class: "frame" });
  box.style.aspectRatio = aspectRatio;
  return box;
}

/** Fills the gallery with `count` placeholders of the expected shape while the request runs. */
export function showPlaceholders(count: number, aspectRatio: number): void {
  const cards = Array.from({ length: count }, () =>
    h("div", { class: "card placeholder", "aria-hidden": "true" }, frame(String(aspectRatio))),
  );
  byId("gallery").replaceChildren(...cards);
}

/** Puts back whatever the gallery showed before a request that produced no images. */
export function restoreGallery(previous: Node[]): void {
  byId("gallery").replaceChildren(...previous);
}

/** The gallery's current cards, to restore after a cancelled or failed request. */
export function galleryContents(): Node[] {
  return [...byId("gallery").childNodes];
}

/** Shows the generated images with their seed, resolution and a download link. */
export function showImages(response: GenerateResponse, onUseSeed: (seed: number) => void): void {
  const cards = response.data.map((image, index) => imageCard(image, index, response.data.length, onUseSeed));
  byId("gallery").replaceChildren(...cards);
}

function imageCard(
  image: ImageObject,
  index: number,
  count: number,
  onUseSeed: (seed: number) => void,
): HTMLElement {
  const size = image.resolution ? parseResolution(image.resolution) : undefined;
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
    reuse.addEventListener("click", () => onUseSeed(seed));
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
    );
  }
  return h("figure", { class: "card" }, box, caption);
}
