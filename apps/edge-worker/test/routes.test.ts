import { describe, expect, it } from "vitest";
import { createHarness, errorOf } from "./support/harness.ts";

describe("routes", () => {
  it("answers GET /healthz without touching the upstream", async () => {
    const harness = createHarness();
    const response = await harness.call("/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(harness.upstream.requests).toHaveLength(0);
  });

  it("answers HEAD /healthz", async () => {
    const response = await createHarness().call("/healthz", { method: "HEAD" });
    expect(response.status).toBe(200);
  });

  it.each([
    ["/healthz", "POST", "GET, HEAD"],
    ["/ideogram/generate", "GET", "POST"],
    ["/ideogram/generate", "PUT", "POST"],
    ["/ideogram/generate", "DELETE", "POST"],
    ["/ideogram/v1/ideogram-v3/generate", "GET", "POST"],
  ])("answers %s with %s by 405 JSON and Allow", async (path, method, allow) => {
    const harness = createHarness();
    const response = await harness.call(path, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe(allow);
    expect((await errorOf(response)).type).toBe("method_not_allowed");
    expect(harness.upstream.requests).toHaveLength(0);
  });

  it.each(["/", "/ideogram", "/ideogram/generate/extra", "/generate", "/ideogram/images/abc"])(
    "answers unknown path %s with 404 JSON",
    async (path) => {
      const response = await createHarness().call(path);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/application\/json/);
      const error = await errorOf(response);
      expect(error.type).toBe("not_found");
      expect(error.request_id).toBe(response.headers.get("x-request-id"));
    },
  );

  it("sets a fresh x-request-id on every response", async () => {
    const harness = createHarness();
    const ids = await Promise.all(
      ["/healthz", "/nope", "/healthz"].map(async (path) =>
        (await harness.call(path)).headers.get("x-request-id"),
      ),
    );
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(3);
  });

  it("keeps a caller's safe x-request-id and replaces an unsafe one", async () => {
    const harness = createHarness();
    const kept = await harness.call("/healthz", { headers: { "x-request-id": "trace-42_a-b=" } });
    expect(kept.headers.get("x-request-id")).toBe("trace-42_a-b=");
    const replaced = await harness.call("/healthz", { headers: { "x-request-id": "<script>" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers 500 server_misconfigured, without detail, when a variable is invalid", async () => {
    const harness = createHarness({ bindings: { UPSTREAM_AUTH: "basic" } });
    const response = await harness.generate();
    expect(response.status).toBe(500);
    const error = await errorOf(response);
    expect(error.type).toBe("server_misconfigured");
    expect(JSON.stringify(error)).not.toContain("UPSTREAM_AUTH");
    expect(harness.logs).toContainEqual(expect.objectContaining({ event: "config_error" }));
    expect(harness.upstream.requests).toHaveLength(0);
  });

  it("answers an unexpected failure with 500 JSON, a request id and no internals", async () => {
    const broken = { limit: () => Promise.reject(new Error("binding exploded at /srv/secret/path")) };
    const harness = createHarness({ bindings: { RATE_LIMITER: broken as unknown as RateLimit } });
    const response = await harness.generate();
    expect(response.status).toBe(500);
    const error = await errorOf(response);
    expect(error.type).toBe("internal_error");
    expect(error.request_id).toBe(response.headers.get("x-request-id"));
    expect(JSON.stringify(error)).not.toContain("exploded");
    expect(harness.upstream.requests).toHaveLength(0);
  });

  it("writes one access-log line per request", async () => {
    const harness = createHarness();
    await harness.generate();
    expect(harness.logs).toContainEqual(
      expect.objectContaining({
        method: "POST",
        path: "/ideogram/generate",
        status: 200,
        client: "token:web",
      }),
    );
  });
});
