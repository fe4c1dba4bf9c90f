import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createHarness, errorOf } from "./support/harness.ts";

describe("rate limit", () => {
  describe("local fallback (no RATE_LIMITER binding)", () => {
    it("answers 429 with Retry-After past RATE_LIMIT_MAX, and the upstream sees nothing more", async () => {
      const harness = createHarness({ bindings: { RATE_LIMIT_MAX: "2", RATE_LIMIT_PERIOD_SECONDS: "60" } });
      expect((await harness.generate()).status).toBe(200);
      harness.clock.advance(15_000);
      expect((await harness.generate()).status).toBe(200);
      const limited = await harness.generate();
      expect(limited.status).toBe(429);
      expect(limited.headers.get("retry-after")).toBe("45");
      expect((await errorOf(limited)).type).toBe("rate_limited");
      expect(harness.upstreamCalls()).toHaveLength(2);
    });

    it("lets the client in again once the window has passed", async () => {
      const harness = createHarness({ bindings: { RATE_LIMIT_MAX: "1", RATE_LIMIT_PERIOD_SECONDS: "10" } });
      expect((await harness.generate()).status).toBe(200);
      expect((await harness.generate()).status).toBe(429);
      harness.clock.advance(10_000);
      expect((await harness.generate()).status).toBe(200);
      expect(harness.upstreamCalls()).toHaveLength(2);
    });

    it("counts each client separately", async () => {
      const harness = createHarness({
        bindings: { RATE_LIMIT_MAX: "1", CLIENT_TOKENS: "a:token-a,b:token-b" },
      });
      expect((await harness.generate(undefined, { authorization: "Bearer token-a" })).status).toBe(200);
      expect((await harness.generate(undefined, { authorization: "Bearer token-a" })).status).toBe(429);
      expect((await harness.generate(undefined, { authorization: "Bearer token-b" })).status).toBe(200);
    });

    it("limits before reading the body, so a limited client cannot make the worker validate", async () => {
      const harness = createHarness({ bindings: { RATE_LIMIT_MAX: "1" } });
      await harness.generate();
      expect((await harness.generate({ not: "valid" })).status).toBe(429);
    });
  });

  describe("Workers Rate Limiting binding", () => {
    it("answers 429 with the period as Retry-After when the binding refuses", async () => {
      const clientId = `binding-${crypto.randomUUID()}`;
      const token = crypto.randomUUID();
      const harness = createHarness({
        bindings: {
          RATE_LIMITER: env.TIGHT_LIMITER,
          CLIENT_TOKENS: `${clientId}:${token}`,
          RATE_LIMIT_MAX: "1000",
          RATE_LIMIT_PERIOD_SECONDS: "60",
        },
      });
      const statuses: number[] = [];
      let limited: Response | undefined;
      for (let attempt = 0; attempt < 4 && !limited; attempt++) {
        const response = await harness.generate(undefined, { authorization: `Bearer ${token}` });
        statuses.push(response.status);
        if (response.status === 429) limited = response;
      }
      expect(statuses).toEqual([200, 200, 429]);
      expect(limited?.headers.get("retry-after")).toBe("60");
      expect(harness.upstreamCalls()).toHaveLength(2);
    });
  });
});
