import type { Context } from "hono";
import { decodeImageId } from "./image-id.ts";
import type { ImageStore } from "./image-store.ts";
import { problem } from "./problem.ts";
import type { UrlSigner } from "./url-signature.ts";

/** What the image handler needs from its emulator. */
export interface ImageDependencies {
  signer: UrlSigner;
  store: ImageStore;
  now: () => number;
}

/** `GET /images/ephemeral/ID.png?exp=UNIX&sig=HEX`: 404 unknown id, 403 bad signature or expired, else the PNG. */
export function createImageHandler(deps: ImageDependencies) {
  return async (c: Context): Promise<Response> => {
    const id = /^(.+)\.png$/.exec(c.req.param("file") ?? "")?.[1];
    const spec = id === undefined ? undefined : decodeImageId(id);
    if (id === undefined || spec === undefined) return problem(c, 404, "Image not found");
    const expiresAt = Number(c.req.query("exp"));
    const signature = c.req.query("sig") ?? "";
    if (!Number.isSafeInteger(expiresAt) || !(await deps.signer.verify(id, expiresAt, signature))) {
      return problem(c, 403, "Invalid image URL signature");
    }
    const secondsLeft = expiresAt - Math.floor(deps.now() / 1000);
    if (expiresAt * 1000 <= deps.now()) return problem(c, 403, "Image URL has expired");
    const png = deps.store.png(spec);
    return c.body(png as Uint8Array<ArrayBuffer>, 200, {
      "content-type": "image/png",
      "content-length": String(png.length),
      "cache-control": `private, max-age=${secondsLeft}`,
    });
  };
}
