import { sign } from "hono/jwt";
import { describe, expect, it } from "vitest";
import { CLIENT_TOKEN, createHarness, errorOf, UPSTREAM_KEY } from "./support/harness.ts";

const JWT_SECRET = "jwt-secret-for-tests-0123456789abcdef";

async function jwt(claims: Record<string, unknown>, secret = JWT_SECRET): Promise<string> {
  return sign(claims, secret, "HS256");
}

function base64Url(json: unknown): string {
  return btoa(JSON.stringify(json)).replace(/=+$/, "").replaceAll("+", "-").replaceAll("/", "_");
}

describe("client auth", () => {
  it("forwards a call with a static token, sending the upstream key and not the client's credential", async () => {
    const harness = createHarness();
    const response = await harness.generate();
    expect(response.status).toBe(200);
    const [call, ...rest] = harness.upstreamCalls();
    expect(rest).toHaveLength(0);
    expect(call?.headers.authorization).toBe(`Bearer ${UPSTREAM_KEY}`);
    expect(JSON.stringify(call?.headers)).not.toContain(CLIENT_TOKEN);
  });

  it("sends the key as Api-Key when UPSTREAM_AUTH is api-key", async () => {
    const harness = createHarness({ bindings: { UPSTREAM_AUTH: "api-key" } });
    expect((await harness.generate()).status).toBe(200);
    const call = harness.upstreamCalls()[0];
    expect(call?.headers["api-key"]).toBe(UPSTREAM_KEY);
    expect(call?.headers.authorization).toBeUndefined();
  });

  it("accepts any of several static tokens, with or without a client id", async () => {
    const harness = createHarness({ bindings: { CLIENT_TOKENS: "web:aaa111, bare-token-222 ,cli:ccc333" } });
    for (const token of ["aaa111", "bare-token-222", "ccc333"]) {
      expect((await harness.generate(undefined, { authorization: `Bearer ${token}` })).status).toBe(200);
    }
    const clients = harness.logs.map((line) => line.client).filter(Boolean);
    expect(clients).toEqual(["token:web", "token:token-2", "token:cli"]);
  });

  it.each([
    ["no Authorization header", undefined],
    ["a wrong token", "Bearer not-the-token"],
    ["a token prefix", `Bearer ${CLIENT_TOKEN.slice(0, -1)}`],
    ["a token with a suffix", `Bearer ${CLIENT_TOKEN}x`],
    ["another scheme", `Basic ${btoa(`web:${CLIENT_TOKEN}`)}`],
    ["a bare token without scheme", CLIENT_TOKEN],
    ["an empty bearer", "Bearer "],
  ])("rejects %s with a bare 401 and sends nothing upstream", async (_, authorization) => {
    const harness = createHarness();
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (authorization !== undefined) headers.authorization = authorization;
    const response = await harness.call("/ideogram/generate", {
      method: "POST",
      headers,
      body: JSON.stringify({ image_request: { prompt: "x" } }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const error = await errorOf(response);
    expect(error).toEqual({
      type: "unauthorized",
      message: "Missing or invalid credentials.",
      request_id: expect.any(String),
    });
    expect(harness.upstream.requests).toHaveLength(0);
  });

  it("ignores whitespace around an entry's colon, so a spaced-out CLIENT_TOKENS still works", async () => {
    const harness = createHarness({ bindings: { CLIENT_TOKENS: "web : aaa111 , cli:  ccc333" } });
    for (const token of ["aaa111", "ccc333"]) {
      expect((await harness.generate(undefined, { authorization: `Bearer ${token}` })).status).toBe(200);
    }
    const clients = harness.logs.map((line) => line.client).filter(Boolean);
    expect(clients).toEqual(["token:web", "token:cli"]);
  });

  it.each(["web:", "web:   ", "web:aaa111, cli:", "web:two words"])(
    "answers 500 server_misconfigured for CLIENT_TOKENS=%j (a token no one can present), sending nothing",
    async (value) => {
      const harness = createHarness({ bindings: { CLIENT_TOKENS: value } });
      const response = await harness.generate(undefined, { authorization: "Bearer aaa111" });
      expect(response.status).toBe(500);
      expect((await errorOf(response)).type).toBe("server_misconfigured");
      expect(harness.logs).toContainEqual(expect.objectContaining({ event: "config_error" }));
      expect(harness.upstream.requests).toHaveLength(0);
    },
  );

  it("rejects every call when neither tokens nor a JWT secret are configured", async () => {
    const harness = createHarness({ bindings: { CLIENT_TOKENS: undefined } });
    expect((await harness.generate()).status).toBe(401);
    expect(harness.upstream.requests).toHaveLength(0);
  });

  describe("JWT", () => {
    it("accepts an HS256 JWT with a future exp and uses sub as the client id", async () => {
      const harness = createHarness({ bindings: { JWT_SECRET } });
      const token = await jwt({ sub: "user-17", exp: Math.floor(harness.clock.now() / 1000) + 300 });
      const response = await harness.generate(undefined, { authorization: `Bearer ${token}` });
      expect(response.status).toBe(200);
      expect(harness.logs).toContainEqual(expect.objectContaining({ client: "jwt:user-17" }));
      expect(JSON.stringify(harness.upstreamCalls()[0]?.headers)).not.toContain(token);
    });

    it("rejects a JWT once the injected clock passes its exp", async () => {
      const harness = createHarness({ bindings: { JWT_SECRET } });
      const token = await jwt({ sub: "user-17", exp: Math.floor(harness.clock.now() / 1000) + 60 });
      expect((await harness.generate(undefined, { authorization: `Bearer ${token}` })).status).toBe(200);
      harness.clock.advance(61_000);
      expect((await harness.generate(undefined, { authorization: `Bearer ${token}` })).status).toBe(401);
      expect(harness.upstreamCalls()).toHaveLength(1);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ["signed with another secret", { sub: "u", exp: "future" }, "another-secret"],
      ["without exp", { sub: "u" }, JWT_SECRET],
      ["without sub", { exp: "future" }, JWT_SECRET],
      ["with an empty sub", { sub: "", exp: "future" }, JWT_SECRET],
      ["with a non-numeric exp", { sub: "u", exp: "tomorrow" }, JWT_SECRET],
    ])("rejects a JWT %s", async (_, claims, secret) => {
      const harness = createHarness({ bindings: { JWT_SECRET } });
      const exp = claims.exp === "future" ? Math.floor(harness.clock.now() / 1000) + 300 : claims.exp;
      const token = await jwt({ ...claims, ...(exp === undefined ? {} : { exp }) }, secret);
      const response = await harness.generate(undefined, { authorization: `Bearer ${token}` });
      expect(response.status).toBe(401);
      expect(harness.upstream.requests).toHaveLength(0);
    });

    it.each([
      ["RS256", "RS256"],
      ["none", "none"],
      ["HS512", "HS512"],
    ])("rejects a JWT whose header names %s, whatever its signature", async (_, alg) => {
      const harness = createHarness({ bindings: { JWT_SECRET } });
      const token = await jwt({ sub: "user-1", exp: Math.floor(harness.clock.now() / 1000) + 300 });
      const [, payload, signature] = token.split(".");
      const header = base64Url({ alg, typ: "JWT" });
      for (const forged of [`${header}.${payload}.${signature}`, `${header}.${payload}.`]) {
        const response = await harness.generate(undefined, { authorization: `Bearer ${forged}` });
        expect(response.status).toBe(401);
      }
      expect(harness.upstream.requests).toHaveLength(0);
    });

    it.each(["nbf", "iat"])(
      "tolerates a %s up to a minute ahead of the worker's clock (issuer clock skew), not more",
      async (claim) => {
        const harness = createHarness({ bindings: { JWT_SECRET } });
        const now = Math.floor(harness.clock.now() / 1000);
        const bearer = async (at: number) => ({
          authorization: `Bearer ${await jwt({ sub: "user-1", exp: now + 3600, [claim]: at })}`,
        });
        expect((await harness.generate(undefined, await bearer(now + 5))).status).toBe(200);
        expect((await harness.generate(undefined, await bearer(now + 60))).status).toBe(200);
        expect((await harness.generate(undefined, await bearer(now + 61))).status).toBe(401);
        expect((await harness.generate(undefined, await bearer(now + 3600))).status).toBe(401);
        expect(harness.upstreamCalls()).toHaveLength(2);
      },
    );

    it("judges nbf by the injected clock, as it does exp", async () => {
      const harness = createHarness({ bindings: { JWT_SECRET } });
      const now = Math.floor(harness.clock.now() / 1000);
      const token = await jwt({ sub: "user-1", nbf: now + 600, exp: now + 3600 });
      expect((await harness.generate(undefined, { authorization: `Bearer ${token}` })).status).toBe(401);
      harness.clock.advance(600_000);
      expect((await harness.generate(undefined, { authorization: `Bearer ${token}` })).status).toBe(200);
    });

    it.each([
      ["a non-numeric nbf", { nbf: "now" }],
      ["a non-numeric iat", { iat: "now" }],
    ])("rejects a JWT with %s", async (_, claims) => {
      const harness = createHarness({ bindings: { JWT_SECRET } });
      const token = await jwt({ sub: "u", exp: Math.floor(harness.clock.now() / 1000) + 300, ...claims });
      expect((await harness.generate(undefined, { authorization: `Bearer ${token}` })).status).toBe(401);
      expect(harness.upstream.requests).toHaveLength(0);
    });

    it("rejects a tampered payload", async () => {
      const harness = createHarness({ bindings: { JWT_SECRET } });
      const token = await jwt({ sub: "user-1", exp: Math.floor(harness.clock.now() / 1000) + 300 });
      const [header, , signature] = token.split(".");
      const forged = btoa(JSON.stringify({ sub: "admin", exp: 9_999_999_999 }))
        .replace(/=+$/, "")
        .replaceAll("+", "-")
        .replaceAll("/", "_");
      const response = await harness.generate(undefined, {
        authorization: `Bearer ${header}.${forged}.${signature}`,
      });
      expect(response.status).toBe(401);
      expect(harness.upstream.requests).toHaveLength(0);
    });

    it("still accepts static tokens next to JWTs", async () => {
      const harness = createHarness({ bindings: { JWT_SECRET } });
      expect((await harness.generate()).status).toBe(200);
    });
  });

  describe("anonymous access", () => {
    it("lets calls without credentials through only when ALLOW_ANONYMOUS is set", async () => {
      const harness = createHarness({ bindings: { ALLOW_ANONYMOUS: "true" } });
      const response = await harness.call("/ideogram/generate", {
        method: "POST",
        headers: { "content-type": "application/json", "cf-connecting-ip": "203.0.113.9" },
        body: JSON.stringify({ image_request: { prompt: "a fox" } }),
      });
      expect(response.status).toBe(200);
      expect(harness.logs).toContainEqual(expect.objectContaining({ client: "anonymous:203.0.113.9" }));
      expect(harness.upstreamCalls()[0]?.headers.authorization).toBe(`Bearer ${UPSTREAM_KEY}`);
    });

    it.each(["false", "0", "off", "no", "", " ", "FALSE", "anything"])(
      "keeps anonymous access off for ALLOW_ANONYMOUS=%j",
      async (value) => {
        const harness = createHarness({ bindings: { ALLOW_ANONYMOUS: value } });
        const response = await harness.call("/ideogram/generate", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ image_request: { prompt: "a fox" } }),
        });
        expect(response.status).toBe(401);
        expect(harness.upstream.requests).toHaveLength(0);
      },
    );

    it("still rejects a wrong credential when anonymous access is on", async () => {
      const harness = createHarness({ bindings: { ALLOW_ANONYMOUS: "true" } });
      expect((await harness.generate(undefined, { authorization: "Bearer wrong" })).status).toBe(401);
    });
  });
});
