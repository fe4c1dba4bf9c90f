import { IdeogramError } from "@ideokit/core";

/** Resolves a URL against the page (or worker) location, so relative routes like `/ideogram` work. */
export function absoluteURL(url: string): string {
  try {
    return new URL(url, globalThis.location?.href).href;
  } catch {
    throw new IdeogramError(`Cannot resolve "${url}" without a page location: pass an absolute URL.`);
  }
}
