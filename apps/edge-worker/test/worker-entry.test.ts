import { exports } from "cloudflare:workers";
import type { LoggedRequest } from "@ideokit/testing";
import { describe, expect, it } from "vitest";

// These calls go through the Worker's real default export, configured by wrangler.jsonc plus the
// bindings of vitest.worker.config.ts; its global fetch leaves workerd via miniflare's outboundService
// into an @ideokit/testing emulator running in the Vitest Node process.
const ENTRY_KEY = "sk-entry-5a0e6c1d2b";
const TOKEN = "entry-client-token";

async function upstreamLog(): Promise<LoggedRequest[]> {
  const response = await fetch("http://upstream.test/__log");
  return (await response.json()) as LoggedRequest[];
}

function generate(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return exports.default.fetch("http://worker.test/ideogram/generate", {
    method: "POST",
    headers: {
      authorization: `Bearer ${TOKEN}`,
      "content-type": "application/json",
      "x-request-id": "entry-1",
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

describe("the deployed entry point, upstream through the outbound service", () => {
  it("answers /healthz", async () => {
    const response = await exports.default.fetch("http://worker.test/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("forwards a valid call with the upstream key over the global fetch", async () => {
    const before = (await upstreamLog()).length;
    const response = await generate({ image_request: { prompt: "a lighthouse", seed: 3, num_images: 2 } });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("entry-1");
    const body = (await response.json()) as { data: { seed: number; url: string }[] };
    expect(body.data.map((image) => image.seed)).toEqual([3, 3]);
    expect(body.data[0]?.url).toMatch(/^http:\/\/upstream\.test\/images\/ephemeral\//);
    const calls = (await upstreamLog()).slice(before);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.path).toBe("/ideogram/generate");
    expect(calls[0]?.headers.authorization).toBe(`Bearer ${ENTRY_KEY}`);
    expect(calls[0]?.headers["x-request-id"]).toBe("entry-1");
    expect(JSON.stringify(calls[0]?.headers)).not.toContain(TOKEN);
  });

  it("rejects bad calls before the upstream sees anything", async () => {
    const before = (await upstreamLog()).length;
    expect((await generate({ image_request: { prompt: "" } })).status).toBe(400);
    expect(
      (await generate({ image_request: { prompt: "x" } }, { authorization: "Bearer nope" })).status,
    ).toBe(401);
    expect(
      (await generate({ image_request: { prompt: "x" } }, { "content-type": "text/plain" })).status,
    ).toBe(415);
    expect(await upstreamLog()).toHaveLength(before);
  });

  it("serves a repeated seeded call from the Cache API without reaching the upstream", async () => {
    const before = (await upstreamLog()).length;
    // A prompt of its own, so the entry's shared cache holds nothing for it yet.
    const body = { image_request: { prompt: `a lighthouse ${crypto.randomUUID()}`, seed: 5 } };
    const first = await generate(body);
    const second = await generate(body);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.headers.get("x-ideokit-cache")).toBe("MISS");
    expect(second.headers.get("x-ideokit-cache")).toBe("HIT");
    expect(await second.json()).toEqual(await first.json());
    expect((await upstreamLog()).slice(before)).toHaveLength(1);
  });
});
