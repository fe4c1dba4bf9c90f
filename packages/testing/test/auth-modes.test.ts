import { exampleInput, v3GenerateOperation } from "@ideokit/core";
import { describe, expect, it } from "vitest";
import { createEmulator, type EmulatorOptions } from "../src/index.ts";
import { ORIGIN } from "./support/requests.ts";

function callV3(options: EmulatorOptions, headers: Record<string, string>) {
  const emulator = createEmulator({ apiKey: "k-123", ...options });
  const request = v3GenerateOperation.build(exampleInput(v3GenerateOperation, "minimal"), {
    baseURL: ORIGIN,
    auth: "none",
  });
  return emulator.fetch(request.url, {
    method: "POST",
    headers: { ...request.headers, ...headers },
    body: request.body,
  });
}

async function detail(response: Response): Promise<string> {
  return ((await response.json()) as { detail: string }).detail;
}

describe("auth modes", () => {
  it('"api-key" takes only Api-Key, like api.ideogram.ai, and says so to a Bearer client', async () => {
    expect((await callV3({ auth: "api-key" }, { "api-key": "k-123" })).status).toBe(200);
    const bearer = await callV3({ auth: "api-key" }, { authorization: "Bearer k-123" });
    expect(bearer.status).toBe(401);
    expect(await detail(bearer)).toMatch(/^Wrong authentication scheme: send Api-Key: KEY/);
  });

  it('"bearer" takes only Authorization: Bearer, like the reseller, and says so to an Api-Key client', async () => {
    expect((await callV3({ auth: "bearer" }, { authorization: "Bearer k-123" })).status).toBe(200);
    const apiKey = await callV3({ auth: "bearer" }, { "api-key": "k-123" });
    expect(apiKey.status).toBe(401);
    expect(await detail(apiKey)).toMatch(/^Wrong authentication scheme: send Authorization: Bearer KEY/);
  });

  it("the default takes either header, and never echoes a wrong key", async () => {
    expect((await callV3({}, { authorization: "Bearer k-123" })).status).toBe(200);
    expect((await callV3({}, { "api-key": "k-123" })).status).toBe(200);
    const wrong = await callV3({}, { "api-key": "k-999" });
    expect(wrong.status).toBe(401);
    expect(await detail(wrong)).toBe("Invalid API key");
    expect(await detail(await callV3({ auth: "api-key" }, {}))).toMatch(
      /^No API key provided: send Api-Key: KEY/,
    );
  });
});
