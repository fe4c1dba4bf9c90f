import { createEmulator, exposesSecret } from "@ideokit/testing";
import { describe, expect, it } from "vitest";
import { createHarness, errorOf, UPSTREAM_KEY } from "./support/harness.ts";
import { generated, hostile, isGenerate, SEEDED, tokenPayload } from "./support/hostile.ts";

/** Everything a response shows a client: status, every header name and value, the body. */
async function visible(response: Response): Promise<string> {
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join("\n");
  return `${response.status}\n${headers}\n\n${await response.text()}`;
}

describe("issue 16.1: the key in relayed header names", () => {
  it.each([200, 400, 429, 500])(
    "relays an exact allow-list, nothing named after or holding the key (%i)",
    async (status) => {
      const direct = createEmulator({ apiKey: UPSTREAM_KEY });
      const harness = createHarness({
        fetch: async (input, init) => {
          const reply = await direct.fetch(input, init);
          const headers = new Headers(reply.headers);
          headers.set(`x-${UPSTREAM_KEY}`, "1");
          headers.set(`ratelimit-${UPSTREAM_KEY}`, "1");
          headers.set("x-ratelimit-remaining", `41 ${UPSTREAM_KEY}`);
          headers.set("x-debug", "anything");
          headers.set("ratelimit-remaining", "3");
          headers.set("retry-after", "7");
          headers.set("x-should-retry", "false");
          const body = status === 200 ? reply.body : JSON.stringify({ error: "nope" });
          return new Response(body, { status, headers });
        },
      });
      const response = await harness.generate();
      expect(response.status).toBe(status);
      const names = [...response.headers.keys()];
      expect(names.filter((name) => name.includes(UPSTREAM_KEY.toLowerCase()))).toEqual([]);
      expect(response.headers.has("x-debug")).toBe(false);
      expect(response.headers.has("x-ratelimit-remaining")).toBe(false);
      expect(response.headers.get("ratelimit-remaining")).toBe("3");
      expect(response.headers.get("retry-after")).toBe("7");
      expect(response.headers.get("x-should-retry")).toBe("false");
      expect(exposesSecret(await visible(response), UPSTREAM_KEY)).toBe(false);
    },
  );
});

describe("issue 16.2: image type by a comma list", () => {
  function imageHost(contentType: string) {
    return hostile(async (h, input, init) =>
      isGenerate(input)
        ? h.upstream.fetch(input, init)
        : new Response("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", {
            headers: { "content-type": contentType },
          }),
    );
  }

  it.each([
    "image/png,text/html",
    "image/png, image/svg+xml",
    "image/png;a=1, text/html",
    "image/svg+xml",
    "image/x-icon",
    "image/*",
  ])("refuses %j: not exactly one raster type", async (contentType) => {
    const harness = imageHost(contentType);
    const generatedAnswer = (await (await harness.generate(SEEDED)).json()) as { data: { url: string }[] };
    const response = await harness.call(generatedAnswer.data[0]!.url);
    expect(response.status).toBe(502);
    expect((await errorOf(response)).type).toBe("image_unavailable");
  });

  it.each([
    ["IMAGE/PNG", "image/png"],
    ['image/jpeg; name="a,b"', "image/jpeg"],
    ["image/webp ; q=1", "image/webp"],
    ["image/gif", "image/gif"],
  ])(
    "serves %j as the canonical %s with nosniff, from the upstream and from the cache",
    async (sent, canonical) => {
      const harness = imageHost(sent);
      const answer = (await (await harness.generate(SEEDED)).json()) as { data: { url: string }[] };
      const url = answer.data[0]!.url;
      const first = await harness.call(url);
      expect(first.status).toBe(200);
      expect(first.headers.get("content-type")).toBe(canonical);
      expect(first.headers.get("x-content-type-options")).toBe("nosniff");
      await first.arrayBuffer();
      await harness.settle();
      const second = await harness.call(url);
      expect(second.headers.get("x-ideokit-cache")).toBe("HIT");
      expect(second.headers.get("content-type")).toBe(canonical);
      await second.arrayBuffer();
    },
  );
});

describe("issue 16.3: redaction of encoded and re-cased keys", () => {
  const base64 = (text: string) => btoa(text);
  const forms: [string, string][] = [
    ["URL-encoded", UPSTREAM_KEY.replaceAll("-", "%2D")],
    [
      "every character percent-encoded",
      [...UPSTREAM_KEY].map((c) => `%${c.charCodeAt(0).toString(16)}`).join(""),
    ],
    ["base64", base64(UPSTREAM_KEY)],
    ["base64 of Bearer <key>", base64(`Bearer ${UPSTREAM_KEY}`)],
    ["upper-cased", UPSTREAM_KEY.toUpperCase()],
    ["inside a URL", `https://evil.example/?k=${UPSTREAM_KEY.replaceAll("-", "%2d")}`],
  ];

  it.each(forms)(
    "redacts the key echoed %s in a 200 body, its image token and a cache HIT",
    async (_, form) => {
      const harness = hostile(async (h, input, init) => {
        if (!isGenerate(input)) return h.upstream.fetch(input, init);
        const reply = (await (await h.upstream.fetch(input, init)).json()) as { data: { url: string }[] };
        return generated(`${reply.data[0]!.url}&leak=${form}`, `said ${form}`);
      });
      for (const expected of ["MISS", "HIT"]) {
        const response = await harness.generate(SEEDED);
        expect(response.headers.get("x-ideokit-cache")).toBe(expected);
        const text = await visible(response.clone());
        expect(exposesSecret(text, UPSTREAM_KEY)).toBe(false);
        const answer = (await response.json()) as { data: { url: string; prompt: string }[] };
        expect(answer.data[0]!.prompt).toContain("[redacted]");
        const { u } = tokenPayload(answer.data[0]!.url);
        expect(u).toContain("leak=");
        expect(exposesSecret(u, UPSTREAM_KEY)).toBe(false);
      }
    },
  );

  it.each([400, 401, 422, 500])("redacts every form from a %i error body", async (status) => {
    const harness = createHarness({
      fetch: async () => Response.json({ error: forms.map(([, form]) => form).join(" | ") }, { status }),
    });
    const response = await harness.generate();
    expect(response.status).toBe(status);
    expect(exposesSecret(await visible(response), UPSTREAM_KEY)).toBe(false);
  });

  it("redacts credential-named fields of an error body, whoever's credential it is", async () => {
    const harness = createHarness({
      fetch: async () =>
        Response.json(
          { error: "bad", echo: { authorization: "Bearer someone-else", "x-api-key": "k", token: "t" } },
          { status: 400 },
        ),
    });
    const text = await (await harness.generate()).text();
    expect(text).not.toContain("someone-else");
    expect(text).not.toMatch(/"(?:k|t)"/);
  });
});

describe("issue 16.7: validation amplification", () => {
  it("answers a body with thousands of issues with a small 400: the first 20 and a count", async () => {
    const harness = createHarness();
    const members = Array.from({ length: 7000 }, () => 0);
    const body = { image_request: { prompt: "a fox", color_palette: { members } } };
    expect(JSON.stringify(body).length).toBeLessThan(16 * 1024);
    const response = await harness.generate(body);
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text.length).toBeLessThan(8 * 1024);
    const { error } = JSON.parse(text) as { error: { issues: unknown[]; issue_count: number } };
    expect(error.issues).toHaveLength(20);
    expect(error.issue_count).toBeGreaterThan(7000);
    expect(harness.upstreamCalls()).toHaveLength(0);
  });

  it("returns every issue when there are 20 or fewer", async () => {
    const harness = createHarness();
    const response = await harness.generate({ image_request: { prompt: "", seed: -1 } });
    const { error } = (await response.json()) as { error: { issues: unknown[]; issue_count: number } };
    expect(error.issues.length).toBe(error.issue_count);
  });
});
