import { DEFAULT_MODEL } from "@ideokit/core";
import { sign } from "hono/jwt";
import { describe, expect, it } from "vitest";
import { CLIENT_TOKEN, createHarness, errorOf, type Harness } from "./support/harness.ts";

const SEEDED = { image_request: { prompt: "a lighthouse at dusk", seed: 7 } };
const HOUR_MS = 3_600_000;

const cacheStatus = (response: Response) => response.headers.get("x-ideokit-cache");

/** Calls generate and returns the cache status and JSON body, checking the call succeeded. */
async function generated(harness: Harness, body: unknown, headers: Record<string, string> = {}) {
  const response = await harness.generate(body, headers);
  expect(response.status).toBe(200);
  return { status: cacheStatus(response), json: (await response.json()) as { created: string } };
}

describe("the generation cache", () => {
  it("serves a repeated seeded request from the cache: MISS, then HIT with the same body, one upstream call", async () => {
    const harness = createHarness();
    const first = await generated(harness, SEEDED);
    const second = await generated(harness, SEEDED);
    expect([first.status, second.status]).toEqual(["MISS", "HIT"]);
    expect(second.json).toEqual(first.json);
    expect(harness.upstreamCalls()).toHaveLength(1);
  });

  it("never caches a request without a seed: BYPASS every time, every call reaches the upstream", async () => {
    const harness = createHarness();
    const unseeded = { image_request: { prompt: "a lighthouse at dusk" } };
    const statuses = [];
    for (let call = 0; call < 3; call++) statuses.push((await generated(harness, unseeded)).status);
    expect(statuses).toEqual(["BYPASS", "BYPASS", "BYPASS"]);
    expect(harness.upstreamCalls()).toHaveLength(3);
  });

  it("hits for the same request with its keys in another order, nested ones included", async () => {
    const harness = createHarness();
    const palette = {
      members: [
        { color_hex: "#112233", color_weight: 0.6 },
        { color_weight: 0.4, color_hex: "#abc" },
      ],
    };
    await generated(harness, {
      image_request: { prompt: "a fox", seed: 42, aspect_ratio: "ASPECT_16_9", color_palette: palette },
    });
    const reordered = {
      color_palette: {
        members: [
          { color_weight: 0.6, color_hex: "#112233" },
          { color_hex: "#abc", color_weight: 0.4 },
        ],
      },
      aspect_ratio: "ASPECT_16_9",
      seed: 42,
      prompt: "a fox",
    };
    expect((await generated(harness, { image_request: reordered })).status).toBe("HIT");
    expect(harness.upstreamCalls()).toHaveLength(1);
  });

  it.each([
    ["model", { model: DEFAULT_MODEL }],
    // The service's documented default as a literal, so an undefined constant cannot pass vacuously.
    ["num_images", { num_images: 1 }],
  ])("hits when a request names the %s core says the service applies anyway", async (_, named) => {
    const harness = createHarness();
    await generated(harness, SEEDED);
    const explicit = { image_request: { ...SEEDED.image_request, ...named } };
    expect((await generated(harness, explicit)).status).toBe("HIT");
    expect(harness.upstreamCalls()).toHaveLength(1);
  });

  it.each([
    ["another seed", { seed: 8 }],
    ["another prompt", { prompt: "a lighthouse at dawn" }],
    ["another model", { model: "V_2_TURBO" }],
    ["more images", { num_images: 2 }],
    ["another palette order", { color_palette: { members: [{ color_hex: "#abc" }, { color_hex: "#123" }] } }],
  ])("misses for %s", async (_, change) => {
    const harness = createHarness();
    const base = {
      ...SEEDED.image_request,
      color_palette: { members: [{ color_hex: "#123" }, { color_hex: "#abc" }] },
    };
    await generated(harness, { image_request: base });
    expect((await generated(harness, { image_request: { ...base, ...change } })).status).toBe("MISS");
    expect(harness.upstreamCalls()).toHaveLength(2);
  });

  it("with CACHE_SCOPE=shared, shares a hit between clients, whoever asked first", async () => {
    const jwtSecret = "cache-test-jwt-secret-0123456789abcdef";
    const harness = createHarness({
      bindings: {
        CLIENT_TOKENS: `web:${CLIENT_TOKEN},cli:ct-cli-77`,
        JWT_SECRET: jwtSecret,
        CACHE_SCOPE: "shared",
      },
    });
    const jwt = await sign({ sub: "mobile", exp: Math.floor(harness.clock.now() / 1000) + 600 }, jwtSecret);
    const first = await generated(harness, SEEDED, { authorization: "Bearer ct-cli-77" });
    const second = await generated(harness, SEEDED, { authorization: `Bearer ${jwt}` });
    const third = await generated(harness, SEEDED);
    expect([first.status, second.status, third.status]).toEqual(["MISS", "HIT", "HIT"]);
    expect(harness.upstreamCalls()).toHaveLength(1);
  });

  it("answers a hit without reading the upstream key: a hit survives a missing key", async () => {
    const harness = createHarness();
    await generated(harness, SEEDED);
    const keyless = harness.sibling({ IDEOGRAM_API_KEY: undefined }, { sameDataCentre: true });
    expect((await generated(keyless, SEEDED)).status).toBe("HIT");
    expect((await keyless.generate({ image_request: { prompt: "x", seed: 1 } })).status).toBe(503);
  });

  it("keeps entries apart per upstream identity (base URL and auth scheme)", async () => {
    const harness = createHarness();
    await generated(harness, SEEDED);
    const otherAuth = harness.sibling({ UPSTREAM_AUTH: "api-key" }, { sameDataCentre: true });
    expect((await generated(otherAuth, SEEDED)).status).toBe("MISS");
    expect(harness.upstreamCalls()[1]?.headers["api-key"]).toBeDefined();
  });

  it("skips the lookup on Cache-Control: no-cache and refreshes the entry with the new answer", async () => {
    const harness = createHarness();
    const stale = await generated(harness, SEEDED);
    harness.clock.advance(60_000);
    const fresh = await generated(harness, SEEDED, { "cache-control": "no-cache" });
    expect(fresh.status).toBe("BYPASS");
    expect(fresh.json.created).not.toBe(stale.json.created);
    const after = await generated(harness, SEEDED);
    expect(after.status).toBe("HIT");
    expect(after.json).toEqual(fresh.json);
    expect(harness.upstreamCalls()).toHaveLength(2);
  });

  it("neither reads nor writes the cache on Cache-Control: no-store", async () => {
    const harness = createHarness();
    expect((await generated(harness, SEEDED, { "cache-control": "max-age=0, No-Store" })).status).toBe(
      "BYPASS",
    );
    expect((await generated(harness, SEEDED)).status).toBe("MISS");
    expect((await generated(harness, SEEDED, { "cache-control": "no-store" })).status).toBe("BYPASS");
    expect(harness.upstreamCalls()).toHaveLength(3);
  });

  it("drops an entry after CACHE_TTL_SECONDS", async () => {
    const harness = createHarness({ bindings: { CACHE_TTL_SECONDS: "600" } });
    await generated(harness, SEEDED);
    harness.clock.advance(599_000);
    expect((await generated(harness, SEEDED)).status).toBe("HIT");
    harness.clock.advance(2_000);
    expect((await generated(harness, SEEDED)).status).toBe("MISS");
    expect(harness.upstreamCalls()).toHaveLength(2);
  });

  it("keeps a 12 h default lifetime when image URLs live 24 h", async () => {
    const harness = createHarness();
    await generated(harness, SEEDED);
    harness.clock.advance(12 * HOUR_MS - 1_000);
    expect((await generated(harness, SEEDED)).status).toBe("HIT");
    harness.clock.advance(2_000);
    expect((await generated(harness, SEEDED)).status).toBe("MISS");
  });

  it("drops an entry an hour before the earliest image URL in it expires", async () => {
    const harness = createHarness({ emulator: { imageTtlSeconds: 3 * 3600 } });
    await generated(harness, { image_request: { ...SEEDED.image_request, num_images: 3 } });
    harness.clock.advance(2 * HOUR_MS - 1_000);
    expect(
      (await generated(harness, { image_request: { ...SEEDED.image_request, num_images: 3 } })).status,
    ).toBe("HIT");
    harness.clock.advance(2_000);
    expect(
      (await generated(harness, { image_request: { ...SEEDED.image_request, num_images: 3 } })).status,
    ).toBe("MISS");
  });

  it("does not cache an answer whose image URLs expire within the margin", async () => {
    const harness = createHarness({ emulator: { imageTtlSeconds: 1800 } });
    expect((await generated(harness, SEEDED)).status).toBe("MISS");
    expect((await generated(harness, SEEDED)).status).toBe("MISS");
    expect(harness.upstreamCalls()).toHaveLength(2);
  });

  it("is off with CACHE_TTL_SECONDS=0", async () => {
    const harness = createHarness({ bindings: { CACHE_TTL_SECONDS: "0" } });
    expect((await generated(harness, SEEDED)).status).toBe("BYPASS");
    expect((await generated(harness, SEEDED)).status).toBe("BYPASS");
    expect(harness.upstreamCalls()).toHaveLength(2);
  });

  it("caches only 200 answers core parsed: an upstream error or a malformed 200 is fetched again", async () => {
    const harness = createHarness();
    harness.upstream.faults.next(1, "500");
    const failed = await harness.generate(SEEDED);
    expect(failed.status).toBe(500);
    expect(cacheStatus(failed)).toBe("MISS");
    harness.upstream.faults.next(1, "malformed");
    const malformed = await harness.generate(SEEDED);
    expect(malformed.status).toBe(502);
    expect(cacheStatus(malformed)).toBe("MISS");
    expect((await generated(harness, SEEDED)).status).toBe("MISS");
    expect((await generated(harness, SEEDED)).status).toBe("HIT");
    expect(harness.upstreamCalls()).toHaveLength(3);
  });

  it("does not cache a safety rejection", async () => {
    const harness = createHarness();
    const unsafe = { image_request: { prompt: "nsfw poster", seed: 3 } };
    expect((await harness.generate(unsafe)).status).toBe(422);
    const again = await harness.generate(unsafe);
    expect(again.status).toBe(422);
    expect(cacheStatus(again)).toBe("MISS");
    expect(harness.upstreamCalls()).toHaveLength(2);
  });

  it("says BYPASS on answers refused before the cache: 401, 400, 415", async () => {
    const harness = createHarness();
    const unauthorized = await harness.generate(SEEDED, { authorization: "Bearer nope" });
    const invalid = await harness.generate({ image_request: { prompt: "", seed: 1 } });
    const wrongType = await harness.generate(SEEDED, { "content-type": "text/plain" });
    expect([unauthorized.status, invalid.status, wrongType.status]).toEqual([401, 400, 415]);
    expect([unauthorized, invalid, wrongType].map(cacheStatus)).toEqual(["BYPASS", "BYPASS", "BYPASS"]);
    expect((await errorOf(invalid)).type).toBe("invalid_request");
  });

  it("exposes x-ideokit-cache to browsers and lets them send Cache-Control", async () => {
    const harness = createHarness({ bindings: { ALLOWED_ORIGINS: "https://app.example" } });
    const response = await harness.generate(SEEDED, { origin: "https://app.example" });
    expect(response.headers.get("access-control-expose-headers")).toContain("x-ideokit-cache");
    const preflight = await harness.call("/ideogram/generate", {
      method: "OPTIONS",
      headers: {
        origin: "https://app.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "cache-control",
      },
    });
    expect(preflight.headers.get("access-control-allow-headers")).toContain("cache-control");
  });

  it.each(["-1", "12h", "1.5"])(
    "answers 500 server_misconfigured for CACHE_TTL_SECONDS=%s",
    async (value) => {
      const harness = createHarness({ bindings: { CACHE_TTL_SECONDS: value } });
      const response = await harness.generate(SEEDED);
      expect(response.status).toBe(500);
      expect((await errorOf(response)).type).toBe("server_misconfigured");
      expect(harness.upstreamCalls()).toHaveLength(0);
    },
  );
});
