import type { ImageModelV4File } from "@ai-sdk/provider";
import { convertBase64ToUint8Array, type FetchFunction } from "@ai-sdk/provider-utils";
import type { NamedFileInput } from "@ideokit/core";
import { downloadBytes } from "./download-images.ts";

/**
 * One of the AI SDK's image inputs (`prompt.images[i]`, `prompt.mask`) as a core file input, named
 * `name`: base64 decoded, bytes kept, a URL downloaded with the injected fetch. Core's `checkFiles`
 * then judges its format and size like any other file.
 */
export async function toFileInput(
  file: ImageModelV4File,
  name: string,
  fetch: FetchFunction,
  signal: AbortSignal | undefined,
): Promise<NamedFileInput> {
  if (file.type === "url") return { data: await downloadBytes(file.url, fetch, signal), name };
  const data = typeof file.data === "string" ? convertBase64ToUint8Array(file.data) : file.data;
  return { data, name, type: file.mediaType };
}
