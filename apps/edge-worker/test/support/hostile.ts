import type { Harness, HarnessOptions } from "./harness.ts";
import { createHarness } from "./harness.ts";

/** A signing secret of the length the worker requires (32 bytes or more). */
export const IMAGE_SIGNING_SECRET = "image-signing-secret-0123456789abcdef";

/** A seeded generate body: cacheable, so a second call can be a HIT. */
export const SEEDED = { image_request: { prompt: "a lighthouse at dusk", seed: 7 } };

/** Whether an upstream call is the generate call (else an image download). */
export function isGenerate(input: RequestInfo | URL): boolean {
  return String(input instanceof Request ? input.url : input).endsWith("/generate");
}

/** A generate answer holding one image at `url` whose prompt is `prompt`. */
export function generated(url: string, prompt = "a lighthouse at dusk", headers: HeadersInit = {}): Response {
  return Response.json(
    { created: "2025-01-01T00:00:00+00:00", data: [{ prompt, is_image_safe: true, seed: 7, url }] },
    { headers },
  );
}

/**
 * A harness with the image proxy on whose upstream is `around`, which may call the real emulator
 * through the harness it is given.
 */
export function hostile(
  around: (harness: Harness, input: RequestInfo | URL, init?: RequestInit) => Promise<Response>,
  options: HarnessOptions = {},
): Harness {
  let harness: Harness | undefined;
  harness = createHarness({
    ...options,
    bindings: { IMAGE_SIGNING_SECRET, ...options.bindings },
    fetch: (input, init) => around(harness!, input, init),
  });
  return harness;
}

/** The JSON payload of a proxied image URL's token (base64url JSON, then the signature). */
export function tokenPayload(url: string): { u: string; e: number } {
  const token = new URL(url).pathname.split("/").at(-1)!;
  return JSON.parse(atob(token.split(".")[0]!.replaceAll("-", "+").replaceAll("_", "/")));
}
