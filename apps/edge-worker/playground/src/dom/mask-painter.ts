import { h } from "./element.ts";
import { chosenFiles, setFiles } from "./image-input.ts";

// Mask painting for edit and inpaint: the strokes are drawn in black on a canvas of exactly the
// image's pixel size, and exported as a PNG with white where nothing is painted, which is the
// black-and-white mask the API takes (black is the part to edit).

const UNDO_LIMIT = 30;

function button(
  text: string,
  onClick: () => void,
  attributes: Record<string, string> = {},
): HTMLButtonElement {
  const element = h("button", { type: "button", class: "quiet", ...attributes }, text);
  element.addEventListener("click", onClick);
  return element;
}

/** The mask as the API wants it: opaque PNG, black where painted, white elsewhere, at the image's size. */
function exportMask(paint: HTMLCanvasElement): Promise<Blob> {
  const out = h("canvas", { width: paint.width, height: paint.height });
  const context = out.getContext("2d") as CanvasRenderingContext2D;
  context.fillStyle = "#fff";
  context.fillRect(0, 0, out.width, out.height);
  context.drawImage(paint, 0, 0);
  return new Promise((resolve, reject) =>
    out.toBlob(
      (blob) => (blob === null ? reject(new Error("The mask could not be encoded")) : resolve(blob)),
      "image/png",
    ),
  );
}

/**
 * Fills `root` (the mask field's element, see operation-form.ts) with the painter for mask field
 * `name` over `image`, the picture of the field it masks.
 */
export function mountMaskPainter(root: HTMLElement, name: string, image: Blob): void {
  const url = URL.createObjectURL(image);
  const picture = h("img", { src: url, alt: "The image to paint the mask on" });
  const paint = h("canvas", { class: "paint", "aria-label": "Mask: paint the part to change" });
  const context = paint.getContext("2d", { willReadFrequently: true }) as CanvasRenderingContext2D;
  const size = h("input", {
    type: "range",
    min: 1,
    max: 100,
    value: 12,
    id: `${name}-brush`,
    "aria-label": "Brush size",
  });
  const eraser = h("input", { type: "checkbox", id: `${name}-eraser` });
  const undo: ImageData[] = [];
  let last: { x: number; y: number } | undefined;

  const save = () => {
    // data-mask says whether the exported mask matches the strokes yet (encoding is asynchronous).
    root.dataset.mask = "encoding";
    void exportMask(paint).then((blob) => {
      setFiles(name, [blob], root);
      root.dataset.mask = "saved";
    });
  };
  const snapshot = () => {
    undo.push(context.getImageData(0, 0, paint.width, paint.height));
    if (undo.length > UNDO_LIMIT) undo.shift();
  };
  const point = (event: PointerEvent) => {
    const box = paint.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) * paint.width) / box.width,
      y: ((event.clientY - box.top) * paint.height) / box.height,
    };
  };
  const stroke = (to: { x: number; y: number }) => {
    // The slider is a share of the image's longer side, so a brush looks the same on any image.
    context.lineWidth = (Number(size.value) / 400) * Math.max(paint.width, paint.height);
    context.lineCap = "round";
    context.lineJoin = "round";
    context.strokeStyle = "#000";
    context.globalCompositeOperation = eraser.checked ? "destination-out" : "source-over";
    context.beginPath();
    context.moveTo((last ?? to).x, (last ?? to).y);
    context.lineTo(to.x, to.y);
    context.stroke();
    last = to;
  };
  paint.addEventListener("pointerdown", (event) => {
    snapshot();
    paint.setPointerCapture(event.pointerId);
    last = undefined;
    stroke(point(event));
  });
  paint.addEventListener("pointermove", (event) => {
    if (paint.hasPointerCapture(event.pointerId)) stroke(point(event));
  });
  paint.addEventListener("pointerup", () => {
    last = undefined;
    save();
  });

  const clear = () => {
    snapshot();
    context.clearRect(0, 0, paint.width, paint.height);
    save();
  };
  const invert = () => {
    snapshot();
    const pixels = context.getImageData(0, 0, paint.width, paint.height);
    for (let index = 0; index < pixels.data.length; index += 4) {
      pixels.data[index] = 0;
      pixels.data[index + 1] = 0;
      pixels.data[index + 2] = 0;
      pixels.data[index + 3] = 255 - (pixels.data[index + 3] as number);
    }
    context.putImageData(pixels, 0, 0);
    save();
  };
  const back = () => {
    const previous = undo.pop();
    if (previous === undefined) return;
    context.putImageData(previous, 0, 0);
    save();
  };

  void createImageBitmap(image).then((bitmap) => {
    paint.width = bitmap.width;
    paint.height = bitmap.height;
    bitmap.close();
    URL.revokeObjectURL(url);
    // A mask painted for another image no longer fits: start from an empty one of this size.
    const mask = chosenFiles.get(name)?.[0];
    if (mask === undefined) return;
    void createImageBitmap(mask).then((old) => {
      if (old.width === paint.width && old.height === paint.height) {
        context.drawImage(old, 0, 0);
        const pixels = context.getImageData(0, 0, paint.width, paint.height);
        // Back from the exported black-and-white form to paint: black is painted, white is not.
        for (let index = 0; index < pixels.data.length; index += 4) {
          pixels.data[index + 3] = 255 - (pixels.data[index] as number);
          pixels.data[index] = pixels.data[index + 1] = pixels.data[index + 2] = 0;
        }
        context.putImageData(pixels, 0, 0);
      } else setFiles(name, [], root);
      old.close();
    });
  });

  root.append(
    h("div", { class: "mask-stage" }, picture, paint),
    h(
      "div",
      { class: "mask-tools" },
      h("label", { for: size.id }, "Brush"),
      size,
      h("label", { class: "check" }, eraser, "Eraser"),
      button("Undo", back),
      button("Clear", clear),
      button("Invert", invert),
    ),
  );
}
