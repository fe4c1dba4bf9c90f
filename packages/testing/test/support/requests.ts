import type { Emulator } from "../../src/index.ts";

/** Origin of in-process requests: nothing listens there, emulator.fetch answers directly. */
export const ORIGIN = "http://emulator.test";

/** POSTs a generate body in-process with the emulator's key (override or drop it through `headers`). */
export function generate(
  emulator: Emulator,
  body: unknown,
  headers: Record<string, string> = { authorization: `Bearer ${emulator.apiKey}` },
  path = "/generate",
): Promise<Response> {
  return emulator.fetch(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** A generate call that must succeed; returns the parsed JSON body. */
export async function generateOk(emulator: Emulator, imageRequest: Record<string, unknown>) {
  const response = await generate(emulator, { image_request: imageRequest });
  if (response.status !== 200)
    throw new Error(`expected 200, got ${response.status}: ${await response.text()}`);
  return (await response.json()) as {
    created: string;
    data: {
      url: string | null;
      prompt: string;
      resolution: string;
      seed: number;
      is_image_safe: boolean;
      style_type: string | null;
    }[];
  };
}

/** Downloads an image URL in-process and returns its bytes. */
export async function download(emulator: Emulator, url: string): Promise<Uint8Array> {
  const response = await emulator.fetch(url);
  if (response.status !== 200)
    throw new Error(`expected 200, got ${response.status}: ${await response.text()}`);
  return new Uint8Array(await response.arrayBuffer());
}
