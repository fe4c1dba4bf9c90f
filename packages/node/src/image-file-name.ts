import type { ImageObject } from "@ideokit/core";

/** The stable name stem of the image at `index`: `<seed>-<index>`, or `image-<index>` without a seed. */
export function imageFileStem(image: ImageObject, index: number): string {
  return `${image.seed ?? "image"}-${index}`;
}

/** A file extension for an image content type: image/png → .png, image/jpeg → .jpg, image/svg+xml → .svg. */
export function extensionFor(contentType: string): string {
  const subtype = /^image\/([a-z0-9.-]+)/i.exec(contentType)?.[1]?.toLowerCase() ?? "img";
  return subtype === "jpeg" ? ".jpg" : `.${subtype}`;
}

/** The n-th candidate name for a stem: the stem itself first, then `<stem>-1`, `<stem>-2`… */
export function candidateName(stem: string, extension: string, attempt: number): string {
  return attempt === 0 ? `${stem}${extension}` : `${stem}-${attempt}${extension}`;
}
