import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { CLIENT_TOKEN, createHarness, errorOf } from "./support/harness.ts";
import { generated, hostile, isGenerate, SEEDED } from "./support/hostile.ts";

const MIB = 1024 * 1024;

/** The proxied URL of the first image of a seeded generate call. */
async function firstImageUrl(harness: ReturnType<typeof createHarness>): Promise<string> {
  const response = await harness.generate(SEEDED);
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: { url: string }[] }).data[0]!.url;
}

/** An image body of `chunks` MiB, with no Content-Length. */
function unsizedImage(chunks: number): Response {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ === chunks) controller.close();
      else controller.enqueue(new Uint8Array(MIB).fill(7));
    },
  });
  return new Response(body, { headers: { "content-type": "image/png" } });
}

describe("issue 16.4: image proxy cost", () => {
  it("stops an image without Content-Length past 16 MiB, and keeps no copy anywhere", async () => {
    const harness = hostile(
      async (h, input, init) => {
        if (isGenerate(input)) return h.upstream.fetch(input, init);
        await h.upstream.fetch(input, init);
        return unsizedImage(20);
      },
      { bindings: { IMAGES: env.IMAGES } },
    );
    const url = await firstImageUrl(harness);
    const first = await harness.call(url);
    let received = 0;
    await expect(
      (async () => {
        for await (const chunk of first.body!) received += chunk.byteLength;
      })(),
    ).rejects.toThrow();
    expect(received).toBeLessThanOrEqual(16 * MIB);
    await harness.settle();
    const downloads = harness.imageCalls().length;
    const again = await harness.sibling({}, { sameDataCentre: true }).call(url);
    expect(again.headers.get("x-ideokit-cache")).toBe("MISS");
    await again.body?.cancel();
    expect(harness.imageCalls()).toHaveLength(downloads + 1);
  });

  it("answers HEAD from metadata: an upstream HEAD when nothing is stored, no request once it is", async () => {
    const methods: string[] = [];
    const harness = hostile(async (h, input, init) => {
      if (!isGenerate(input)) methods.push(init?.method ?? "GET");
      return h.upstream.fetch(input, init);
    });
    const url = await firstImageUrl(harness);
    const head = await harness.call(url, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe("image/png");
    expect(methods).toEqual(["HEAD"]);
    const get = await harness.call(url);
    await get.arrayBuffer();
    await harness.settle();
    const cachedHead = await harness.call(url, { method: "HEAD" });
    expect(cachedHead.status).toBe(200);
    expect(cachedHead.headers.get("x-ideokit-cache")).toBe("HIT");
    expect(cachedHead.headers.get("content-type")).toBe("image/png");
    expect(cachedHead.headers.get("etag")).toBe(get.headers.get("etag"));
    expect(methods).toEqual(["HEAD", "GET"]);
  });

  it("limits image requests per client address, forged tokens included", async () => {
    const harness = hostile(async (h, input, init) => h.upstream.fetch(input, init), {
      bindings: { IMAGE_RATE_LIMIT_MAX: "5" },
    });
    const url = await firstImageUrl(harness);
    const forged = `${url.split("/images/")[0]}/images/AAAA.BBBB`;
    const from = (ip: string) => ({ headers: { "cf-connecting-ip": ip } });
    const statuses: number[] = [];
    for (let call = 0; call < 4; call++)
      statuses.push((await harness.call(forged, from("203.0.113.9"))).status);
    const valid = await harness.call(url, from("203.0.113.9"));
    statuses.push(valid.status);
    await valid.body?.cancel();
    const limited = await harness.call(url, from("203.0.113.9"));
    statuses.push(limited.status);
    expect(statuses).toEqual([403, 403, 403, 403, 200, 429]);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await errorOf(limited)).type).toBe("rate_limited");
    expect((await harness.call(forged, from("203.0.113.10"))).status).toBe(403);
  });

  it("has an image rate limit by default", async () => {
    const harness = hostile(async (h, input, init) => h.upstream.fetch(input, init));
    const url = await firstImageUrl(harness);
    const forged = `${url.split("/images/")[0]}/images/AAAA.BBBB`;
    let limited = 0;
    for (let call = 0; call < 800; call++) if ((await harness.call(forged)).status === 429) limited++;
    expect(limited).toBeGreaterThan(0);
  });

  it("coalesces concurrent GETs of one uncached image into one upstream download", async () => {
    const harness = hostile(async (h, input, init) => h.upstream.fetch(input, init));
    const url = await firstImageUrl(harness);
    const answers = await Promise.all(Array.from({ length: 40 }, () => harness.call(url)));
    const bodies = await Promise.all(
      answers.map(async (answer) => new Uint8Array(await answer.arrayBuffer())),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(40).fill(200));
    for (const body of bodies) expect(body).toEqual(bodies[0]);
    expect(bodies[0]!.length).toBeGreaterThan(0);
    expect(harness.imageCalls()).toHaveLength(1);
  });
});

describe("issue 16.5: generation cache", () => {
  it("does not cache a 200 without any image URL", async () => {
    const harness = createHarness({
      fetch: async () => Response.json({ created: "2025-01-01T00:00:00+00:00", data: [] }),
    });
    for (const expected of ["MISS", "MISS"]) {
      const response = await harness.generate(SEEDED);
      expect(response.status).toBe(200);
      expect(response.headers.get("x-ideokit-cache")).toBe(expected);
    }
  });

  it("does not cache a 200 whose images all lack a URL (withheld as unsafe)", async () => {
    const harness = createHarness({
      fetch: async () => {
        const answer = generated("http://upstream.test/x.png");
        const body = (await answer.json()) as { data: { url: string | null; is_image_safe: boolean }[] };
        body.data[0]!.url = null;
        body.data[0]!.is_image_safe = false;
        return Response.json(body);
      },
    });
    expect((await harness.generate(SEEDED)).status).toBe(200);
    expect((await harness.generate(SEEDED)).headers.get("x-ideokit-cache")).toBe("MISS");
  });

  it("keeps each client's answers apart by default (CACHE_SCOPE=client)", async () => {
    const harness = createHarness({ bindings: { CLIENT_TOKENS: `web:${CLIENT_TOKEN},cli:ct-cli-7788` } });
    const statuses = [];
    for (const token of [CLIENT_TOKEN, "ct-cli-7788", CLIENT_TOKEN, "ct-cli-7788"]) {
      const response = await harness.generate(SEEDED, { authorization: `Bearer ${token}` });
      statuses.push(response.headers.get("x-ideokit-cache"));
    }
    expect(statuses).toEqual(["MISS", "MISS", "HIT", "HIT"]);
    expect(harness.upstreamCalls()).toHaveLength(2);
  });

  it("shares answers between clients with CACHE_SCOPE=shared", async () => {
    const harness = createHarness({
      bindings: { CLIENT_TOKENS: `web:${CLIENT_TOKEN},cli:ct-cli-7788`, CACHE_SCOPE: "shared" },
    });
    await harness.generate(SEEDED);
    const other = await harness.generate(SEEDED, { authorization: "Bearer ct-cli-7788" });
    expect(other.headers.get("x-ideokit-cache")).toBe("HIT");
  });

  it("refuses another CACHE_SCOPE value with server_misconfigured", async () => {
    const harness = createHarness({ bindings: { CACHE_SCOPE: "global" } });
    const response = await harness.generate(SEEDED);
    expect(response.status).toBe(500);
    expect((await errorOf(response)).type).toBe("server_misconfigured");
  });
});
