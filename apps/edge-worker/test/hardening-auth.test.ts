import { sign } from "hono/jwt";
import { describe, expect, it } from "vitest";
import { createLocalLimiter } from "../src/rate-limit/local-limiter.ts";
import { CLIENT_TOKEN, createHarness, errorOf, VALID_BODY } from "./support/harness.ts";

const JWT_SECRET = "jwt-secret-for-hardening-0123456789ab";
const from = (ip: string, authorization?: string) => ({
  "cf-connecting-ip": ip,
  ...(authorization === undefined ? {} : { authorization }),
});

describe("issue 16.6: rate limiting", () => {
  it("throttles failed authentications per client address, then refuses even a right credential", async () => {
    const harness = createHarness({ bindings: { AUTH_FAILURE_LIMIT_MAX: "3" } });
    const statuses = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      statuses.push(
        (await harness.generate(undefined, from("198.51.100.7", `Bearer guess-${attempt}`))).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    const right = await harness.generate(undefined, from("198.51.100.7", `Bearer ${CLIENT_TOKEN}`));
    expect(right.status).toBe(429);
    expect(right.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await errorOf(right)).type).toBe("rate_limited");
    expect((await harness.generate(undefined, from("198.51.100.8", `Bearer ${CLIENT_TOKEN}`))).status).toBe(
      200,
    );
    harness.clock.advance(60_000);
    expect((await harness.generate(undefined, from("198.51.100.7", `Bearer ${CLIENT_TOKEN}`))).status).toBe(
      200,
    );
  });

  it("throttles failed authentications by default", async () => {
    const harness = createHarness();
    let limited = 0;
    for (let attempt = 0; attempt < 200; attempt++) {
      if ((await harness.generate(undefined, { authorization: "Bearer wrong" })).status === 429) limited++;
    }
    expect(limited).toBeGreaterThan(0);
  });

  it("keeps a limited window when 10,000 other ids come along: only expired windows are evicted", () => {
    let now = 0;
    const limiter = createLocalLimiter(() => now);
    expect(limiter.take("flooder", 1, 60).allowed).toBe(true);
    expect(limiter.take("flooder", 1, 60).allowed).toBe(false);
    for (let id = 0; id < 12_000; id++) limiter.take(`id-${id}`, 1, 60);
    now += 1000;
    expect(limiter.take("flooder", 1, 60).allowed).toBe(false);
    now += 60_000;
    expect(limiter.take("flooder", 1, 60).allowed).toBe(true);
  });

  it("groups anonymous IPv6 callers by /64", async () => {
    const harness = createHarness({ bindings: { ALLOW_ANONYMOUS: "true", RATE_LIMIT_MAX: "1" } });
    const anonymous = async (ip: string) =>
      (
        await harness.call("/ideogram/generate", {
          method: "POST",
          headers: { "content-type": "application/json", "cf-connecting-ip": ip },
          body: JSON.stringify(VALID_BODY),
        })
      ).status;
    expect(await anonymous("2001:db8:1:2::1")).toBe(200);
    expect(await anonymous("2001:DB8:1:2:ffff:ee:dd:9")).toBe(429);
    expect(await anonymous("2001:db8:1:3::1")).toBe(200);
    expect(await anonymous("203.0.113.1")).toBe(200);
    expect(await anonymous("203.0.113.2")).toBe(200);
    expect(await anonymous("::ffff:203.0.113.2")).toBe(429);
  });
});

describe("issue 16.8: JWT lifetime, audience, issuer and secret length", () => {
  const seconds = (harness: ReturnType<typeof createHarness>) => Math.floor(harness.clock.now() / 1000);
  const call = (harness: ReturnType<typeof createHarness>, token: string) =>
    harness.generate(undefined, { authorization: `Bearer ${token}` });

  it("refuses a token that lives longer than JWT_MAX_TTL_SECONDS (default 24 h)", async () => {
    const harness = createHarness({ bindings: { JWT_SECRET } });
    const now = seconds(harness);
    expect((await call(harness, await sign({ sub: "u", exp: now + 3600 }, JWT_SECRET))).status).toBe(200);
    expect((await call(harness, await sign({ sub: "u", exp: now + 2 * 86_400 }, JWT_SECRET))).status).toBe(
      401,
    );
    expect((await call(harness, await sign({ sub: "u", exp: 32_503_680_000 }, JWT_SECRET))).status).toBe(401);
    const shortLived = createHarness({ bindings: { JWT_SECRET, JWT_MAX_TTL_SECONDS: "600" } });
    const token = await sign({ sub: "u", exp: seconds(shortLived) + 3600 }, JWT_SECRET);
    expect((await call(shortLived, token)).status).toBe(401);
  });

  it("checks aud and iss when JWT_AUDIENCE and JWT_ISSUER are set", async () => {
    const harness = createHarness({
      bindings: { JWT_SECRET, JWT_AUDIENCE: "ideokit-worker", JWT_ISSUER: "https://auth.example" },
    });
    const exp = seconds(harness) + 600;
    const good = { sub: "u", exp, aud: "ideokit-worker", iss: "https://auth.example" };
    expect((await call(harness, await sign(good, JWT_SECRET))).status).toBe(200);
    expect(
      (await call(harness, await sign({ ...good, aud: ["other", "ideokit-worker"] }, JWT_SECRET))).status,
    ).toBe(200);
    for (const bad of [
      { aud: "other" },
      { aud: undefined },
      { iss: "https://evil.example" },
      { iss: undefined },
    ]) {
      expect((await call(harness, await sign({ ...good, ...bad }, JWT_SECRET))).status).toBe(401);
    }
  });

  it.each([
    ["JWT_SECRET", { JWT_SECRET: "short-jwt-secret" }],
    ["IMAGE_SIGNING_SECRET", { IMAGE_SIGNING_SECRET: "x".repeat(31) }],
    ["JWT_MAX_TTL_SECONDS", { JWT_SECRET, JWT_MAX_TTL_SECONDS: "0" }],
  ])("refuses to start with a weak or invalid %s: server_misconfigured", async (_, bindings) => {
    const harness = createHarness({ bindings });
    const response = await harness.generate();
    expect(response.status).toBe(500);
    expect((await errorOf(response)).type).toBe("server_misconfigured");
    expect(harness.upstreamCalls()).toHaveLength(0);
  });
});
