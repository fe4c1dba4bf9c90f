import { describe, expect, it } from "vitest";
import { createHarness, errorOf, UPSTREAM_KEY, VALID_BODY } from "./support/harness.ts";
import { hostile, SEEDED } from "./support/hostile.ts";

describe("issue 16.9: smaller ones", () => {
  it("caps the upstream's body: a 2 MiB answer is a 502, not read whole", async () => {
    let pulled = 0;
    const harness = createHarness({
      fetch: async () => {
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (pulled++ === 2048) controller.close();
            else controller.enqueue(new Uint8Array(1024).fill(0x20));
          },
        });
        return new Response(body, { headers: { "content-type": "application/json" } });
      },
    });
    const response = await harness.generate();
    expect(response.status).toBe(502);
    expect((await errorOf(response)).type).toBe("upstream_too_large");
    expect(pulled).toBeLessThan(2048);
  });

  it("falls back to IDEOGRAM_API_KEY when the KV read fails", async () => {
    const failing = { get: () => Promise.reject(new Error("KV unavailable")) } as unknown as KVNamespace;
    const harness = createHarness({ bindings: { UPSTREAM_KEYS: failing } });
    expect((await harness.generate()).status).toBe(200);
    expect(harness.upstreamCalls()[0]?.headers.authorization).toBe(`Bearer ${UPSTREAM_KEY}`);
    expect(harness.logs).toContainEqual(expect.objectContaining({ event: "upstream_key_read_failed" }));
  });

  it("gives reading the request body a deadline: a body that trickles in gets 408", async () => {
    const harness = createHarness({ bindings: { REQUEST_BODY_TIMEOUT_MS: "200" } });
    const text = new TextEncoder().encode(JSON.stringify(VALID_BODY));
    let sent = 0;
    const trickle = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent < 3) controller.enqueue(text.slice(sent, ++sent));
        else await new Promise(() => {});
      },
    });
    const response = await harness.call("/ideogram/generate", {
      method: "POST",
      headers: { authorization: "Bearer ct-web-8d1e5b2c9a", "content-type": "application/json" },
      body: trickle,
      // @ts-expect-error workerd's RequestInit needs duplex for a streamed body in some runtimes
      duplex: "half",
    });
    expect(response.status).toBe(408);
    expect((await errorOf(response)).type).toBe("request_timeout");
    expect(harness.upstream.requests).toHaveLength(0);
  });

  it.each(["/ideogram//images/", "/ideogram/images/x/", "/IDEOGRAM/images/", "/elsewhere/"])(
    "keeps no whole image token in the access log on the path %s<token>",
    async (prefix) => {
      const harness = hostile(async (h, input, init) => h.upstream.fetch(input, init));
      const answer = (await (await harness.generate(SEEDED)).json()) as { data: { url: string }[] };
      const token = new URL(answer.data[0]!.url).pathname.split("/").at(-1)!;
      await harness.call(`${prefix}${token}`);
      const logged = JSON.stringify(harness.logs);
      expect(logged).not.toContain(token.split(".")[0]!.slice(0, 40));
      expect(logged).not.toContain(token);
    },
  );
});
