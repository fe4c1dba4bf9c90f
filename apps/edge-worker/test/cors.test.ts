import { describe, expect, it } from "vitest";
import { CLIENT_TOKEN, createHarness, VALID_BODY } from "./support/harness.ts";

const ALLOWED = "https://app.example";
const OTHER = "https://evil.example";

function corsHeaders(response: Response): string[] {
  return [...response.headers.keys()].filter((name) => name.startsWith("access-control-"));
}

function preflight(origin: string): RequestInit {
  return {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization, content-type",
    },
  };
}

function postFrom(origin: string): RequestInit {
  return {
    method: "POST",
    headers: { origin, authorization: `Bearer ${CLIENT_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify(VALID_BODY),
  };
}

describe("CORS", () => {
  const bindings = { ALLOWED_ORIGINS: `${ALLOWED}, https://admin.example` };

  it("answers a preflight from an allowed origin", async () => {
    const harness = createHarness({ bindings });
    const response = await harness.call("/ideogram/generate", preflight(ALLOWED));
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
    expect(response.headers.get("access-control-allow-headers")).toContain("authorization");
    expect(response.headers.get("access-control-allow-headers")).toContain("content-type");
    expect(response.headers.get("x-request-id")).toBeTruthy();
    expect(harness.upstream.requests).toHaveLength(0);
  });

  it("refuses a preflight from another origin with no CORS header", async () => {
    const harness = createHarness({ bindings });
    const response = await harness.call("/ideogram/generate", preflight(OTHER));
    expect(response.status).toBe(403);
    expect(corsHeaders(response)).toEqual([]);
  });

  it("adds CORS headers to an allowed origin's call and exposes the request id", async () => {
    const harness = createHarness({ bindings });
    const response = await harness.call("/ideogram/generate", postFrom(ALLOWED));
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(response.headers.get("access-control-expose-headers")).toContain("x-request-id");
    expect(response.headers.get("vary")).toContain("Origin");
  });

  it("exposes the retry policy's inputs and the upstream request id on a relayed 429", async () => {
    const harness = createHarness({ bindings });
    harness.upstream.faults.next(1, "429:200");
    const response = await harness.call("/ideogram/generate", postFrom(ALLOWED));
    expect(response.status).toBe(429);
    const exposed = (response.headers.get("access-control-expose-headers") ?? "")
      .split(",")
      .map((name) => name.trim().toLowerCase());
    expect(exposed).toEqual(
      expect.arrayContaining([
        "x-request-id",
        "x-upstream-request-id",
        "retry-after",
        "retry-after-ms",
        "x-should-retry",
        "x-ideokit-cache",
      ]),
    );
    expect(response.headers.get("retry-after-ms")).toBe("200");
    expect(response.headers.get("x-upstream-request-id")).toBeTruthy();
  });

  it("gives another origin's call no CORS header at all", async () => {
    const harness = createHarness({ bindings });
    const response = await harness.call("/ideogram/generate", postFrom(OTHER));
    expect(corsHeaders(response)).toEqual([]);
    expect(response.headers.get("vary")).toContain("Origin");
  });

  it("allows no origin when ALLOWED_ORIGINS is empty", async () => {
    const harness = createHarness();
    expect(corsHeaders(await harness.call("/ideogram/generate", postFrom(ALLOWED)))).toEqual([]);
    expect((await harness.call("/ideogram/generate", preflight(ALLOWED))).status).toBe(403);
  });

  it("allows any origin with *", async () => {
    const harness = createHarness({ bindings: { ALLOWED_ORIGINS: "*" } });
    const response = await harness.call("/ideogram/generate", preflight(OTHER));
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(OTHER);
  });

  it("treats the opaque origin null like any other origin outside the list", async () => {
    const harness = createHarness({ bindings });
    expect((await harness.call("/ideogram/generate", preflight("null"))).status).toBe(403);
    expect(corsHeaders(await harness.call("/ideogram/generate", postFrom("null")))).toEqual([]);
  });

  it("never allows credentials, not even with *", async () => {
    const harness = createHarness({ bindings: { ALLOWED_ORIGINS: "*" } });
    for (const init of [preflight(OTHER), postFrom(OTHER)]) {
      const response = await harness.call("/ideogram/generate", init);
      expect(response.headers.get("access-control-allow-origin")).toBe(OTHER);
      expect(response.headers.has("access-control-allow-credentials")).toBe(false);
    }
  });

  it("adds CORS headers to error answers for allowed origins, so browsers can read them", async () => {
    const harness = createHarness({ bindings });
    const response = await harness.call("/ideogram/generate", {
      method: "POST",
      headers: { origin: ALLOWED, "content-type": "application/json" },
      body: "{}",
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("access-control-allow-origin")).toBe(ALLOWED);
  });
});
