import type { ResponseKind } from "@ideokit/core";

// Where each kind of answer holds image URLs: `data[].url` in image and layered answers,
// `base_image_url` and `original_image_url` in layerize's; describe and magic-prompt hold none.

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const LAYERIZE_URLS = ["base_image_url", "original_image_url"] as const;

/** Every image URL of an answer (parsed by core as `kind`). */
export function imageUrlsOf(kind: ResponseKind, answer: unknown): string[] {
  if (!isRecord(answer)) return [];
  if (kind === "images" || kind === "layered-images") {
    const data = Array.isArray(answer.data) ? answer.data : [];
    return data.flatMap((image) =>
      isRecord(image) && typeof image.url === "string" && image.url ? [image.url] : [],
    );
  }
  if (kind === "layerize") {
    return LAYERIZE_URLS.flatMap((name) =>
      typeof answer[name] === "string" && answer[name] ? [answer[name]] : [],
    );
  }
  return [];
}

/** The answer with each of its image URLs replaced by `rewrite(url)` (everything else as it was). */
export async function mapImageUrls(
  kind: ResponseKind,
  answer: unknown,
  rewrite: (url: string) => Promise<string>,
): Promise<unknown> {
  if (!isRecord(answer)) return answer;
  if ((kind === "images" || kind === "layered-images") && Array.isArray(answer.data)) {
    const data = await Promise.all(
      answer.data.map(async (image: unknown) =>
        isRecord(image) && typeof image.url === "string" && image.url
          ? { ...image, url: await rewrite(image.url) }
          : image,
      ),
    );
    return { ...answer, data };
  }
  if (kind === "layerize") {
    const rewritten: Json = { ...answer };
    for (const name of LAYERIZE_URLS) {
      const url = answer[name];
      if (typeof url === "string" && url) rewritten[name] = await rewrite(url);
    }
    return rewritten;
  }
  return answer;
}

/** Whether an answer is worth keeping: at least one image URL, or for text answers some text. */
export function hasContent(kind: ResponseKind, answer: unknown): boolean {
  if (kind === "descriptions") {
    return isRecord(answer) && Array.isArray(answer.descriptions) && answer.descriptions.length > 0;
  }
  if (kind === "magic-prompt")
    return isRecord(answer) && typeof answer.magic_prompt === "string" && answer.magic_prompt !== "";
  return imageUrlsOf(kind, answer).length > 0;
}
