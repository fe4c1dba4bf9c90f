import { describe, expect, it } from "vitest";
import { useEmulator } from "../src/vitest.ts";

const emulator = useEmulator({ apiKey: "vitest-key", unsafeWords: ["forbidden"] });

async function generate(prompt: string): Promise<Response> {
  return fetch(`${emulator().url}/generate`, {
    method: "POST",
    headers: { "api-key": "vitest-key", "content-type": "application/json" },
    body: JSON.stringify({ image_request: { prompt } }),
  });
}

describe("useEmulator", () => {
  it("serves the file's tests with the options given", async () => {
    const response = await generate("a forbidden lighthouse");
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: { is_image_safe: boolean }[] };
    expect(data[0]?.is_image_safe).toBe(false);
    emulator().faults.next(1, "503");
    expect(emulator().requests).toHaveLength(1);
  });

  it("starts each test with an empty log and no queued faults", async () => {
    expect(emulator().requests).toHaveLength(0);
    expect(emulator().faults.pending()).toBe(0);
    expect((await generate("a lighthouse")).status).toBe(200);
  });
});
