import { describe, expect, it } from "vitest";
import { mintClientToken } from "../scripts/mint-token.ts";
import { createHarness } from "./support/harness.ts";

// The tokens `pnpm --filter @ideokit/edge-worker token` prints, checked by the worker itself.
const JWT_SECRET = "mint-token-secret-0123456789abcdef0123";

describe("client tokens minted by scripts/mint-token.ts (the `token` script)", () => {
  it("are accepted by the worker, which names the client by sub", async () => {
    const harness = createHarness({ bindings: { JWT_SECRET } });
    const token = await mintClientToken(JWT_SECRET, {
      sub: "web",
      ttlSeconds: 3600,
      nowMs: harness.clock.now(),
    });

    const response = await harness.generate(undefined, { authorization: `Bearer ${token}` });

    expect(response.status).toBe(200);
    expect(harness.logs).toContainEqual(expect.objectContaining({ client: "jwt:web" }));
  });

  it("carry aud and iss for a worker that requires them", async () => {
    const harness = createHarness({
      bindings: { JWT_SECRET, JWT_AUDIENCE: "ideokit-web", JWT_ISSUER: "accounts" },
    });
    const options = { sub: "web", ttlSeconds: 600, nowMs: harness.clock.now() };
    const plain = await mintClientToken(JWT_SECRET, options);
    const scoped = await mintClientToken(JWT_SECRET, {
      ...options,
      audience: "ideokit-web",
      issuer: "accounts",
    });

    expect((await harness.generate(undefined, { authorization: `Bearer ${plain}` })).status).toBe(401);
    expect((await harness.generate(undefined, { authorization: `Bearer ${scoped}` })).status).toBe(200);
  });

  it("expire after their ttl, and are refused with another secret", async () => {
    const harness = createHarness({ bindings: { JWT_SECRET } });
    const token = await mintClientToken(JWT_SECRET, {
      sub: "web",
      ttlSeconds: 60,
      nowMs: harness.clock.now(),
    });
    const forged = await mintClientToken(`${JWT_SECRET}-other`, {
      sub: "web",
      ttlSeconds: 60,
      nowMs: harness.clock.now(),
    });

    expect((await harness.generate(undefined, { authorization: `Bearer ${forged}` })).status).toBe(401);
    harness.clock.advance(61_000);
    expect((await harness.generate(undefined, { authorization: `Bearer ${token}` })).status).toBe(401);
  });

  it("are not minted with what the worker would refuse", async () => {
    await expect(mintClientToken("short", { sub: "web", ttlSeconds: 60 })).rejects.toThrow(
      /at least 32 bytes/,
    );
    await expect(mintClientToken(JWT_SECRET, { sub: " ", ttlSeconds: 60 })).rejects.toThrow(/sub/);
    await expect(mintClientToken(JWT_SECRET, { sub: "web", ttlSeconds: 90_000 })).rejects.toThrow(
      /1 to 86400/,
    );
  });
});
