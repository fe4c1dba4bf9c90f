import { env } from "cloudflare:workers";
import { createEmulator } from "@ideokit/testing";
import { describe, expect, it } from "vitest";
import { createHarness, errorOf, UPSTREAM_KEY } from "./support/harness.ts";

/** KV bindings with a key name of their own, so tests sharing the namespace do not meet. */
async function kvBindings(value: string | undefined, extra: Record<string, string> = {}) {
  const name = `key-${crypto.randomUUID()}`;
  if (value !== undefined) await env.UPSTREAM_KEYS.put(name, value);
  return { name, bindings: { UPSTREAM_KEYS: env.UPSTREAM_KEYS, UPSTREAM_KEY_NAME: name, ...extra } };
}

const sentKeys = (calls: { headers: Record<string, string> }[]) =>
  calls.map((call) => call.headers.authorization);

describe("upstream key", () => {
  it("uses the IDEOGRAM_API_KEY secret when no KV namespace is bound", async () => {
    const harness = createHarness();
    expect((await harness.generate()).status).toBe(200);
    expect(sentKeys(harness.upstreamCalls())).toEqual([`Bearer ${UPSTREAM_KEY}`]);
  });

  it("prefers the key stored in KV over the secret", async () => {
    const { bindings } = await kvBindings("kv-key-1");
    const harness = createHarness({ bindings, emulator: { apiKey: ["kv-key-1", UPSTREAM_KEY] } });
    expect((await harness.generate()).status).toBe(200);
    expect(sentKeys(harness.upstreamCalls())).toEqual(["Bearer kv-key-1"]);
  });

  it("falls back to the secret when KV holds no key under UPSTREAM_KEY_NAME", async () => {
    const { bindings } = await kvBindings(undefined);
    const harness = createHarness({ bindings });
    expect((await harness.generate()).status).toBe(200);
    expect(sentKeys(harness.upstreamCalls())).toEqual([`Bearer ${UPSTREAM_KEY}`]);
  });

  it("answers 503, sending nothing, when there is no key at all", async () => {
    const { bindings } = await kvBindings(undefined, {});
    const harness = createHarness({ bindings: { ...bindings, IDEOGRAM_API_KEY: undefined } });
    const response = await harness.generate();
    expect(response.status).toBe(503);
    expect((await errorOf(response)).type).toBe("service_unavailable");
    expect(harness.upstream.requests).toHaveLength(0);
    expect(harness.logs).toContainEqual(expect.objectContaining({ event: "upstream_key_missing" }));
  });

  it("answers 503 when the KV read fails and no IDEOGRAM_API_KEY is set", async () => {
    const failing = { get: () => Promise.reject(new Error("KV unavailable")) } as unknown as KVNamespace;
    const harness = createHarness({ bindings: { UPSTREAM_KEYS: failing, IDEOGRAM_API_KEY: undefined } });
    expect((await harness.generate()).status).toBe(503);
    expect(harness.upstream.requests).toHaveLength(0);
  });

  it("takes a key rotated in KV into use once KEY_CACHE_TTL_SECONDS has passed, without a redeploy", async () => {
    const { name, bindings } = await kvBindings("kv-key-1", { KEY_CACHE_TTL_SECONDS: "60" });
    const harness = createHarness({ bindings, emulator: { apiKey: ["kv-key-1", "kv-key-2"] } });
    expect((await harness.generate()).status).toBe(200);
    await env.UPSTREAM_KEYS.put(name, "kv-key-2");
    harness.clock.advance(59_000);
    expect((await harness.generate()).status).toBe(200);
    harness.clock.advance(1_000);
    expect((await harness.generate()).status).toBe(200);
    expect(sentKeys(harness.upstreamCalls())).toEqual([
      "Bearer kv-key-1",
      "Bearer kv-key-1",
      "Bearer kv-key-2",
    ]);
  });

  it("reads KV once per TTL, however many calls come in", async () => {
    const { bindings } = await kvBindings("kv-key-1");
    let reads = 0;
    const counting = {
      get: (key: string, options: KVNamespaceGetOptions<"text">) => {
        reads++;
        return env.UPSTREAM_KEYS.get(key, options);
      },
    } as unknown as KVNamespace;
    const harness = createHarness({
      bindings: { ...bindings, UPSTREAM_KEYS: counting },
      emulator: { apiKey: "kv-key-1" },
    });
    const statuses = await Promise.all(Array.from({ length: 5 }, () => harness.generate()));
    expect(statuses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    expect(reads).toBe(1);
  });

  it("on an upstream 401 drops the cached key, reads it afresh and retries once with the new key", async () => {
    const { name, bindings } = await kvBindings("kv-key-old");
    const before = createEmulator({ apiKey: "kv-key-old" });
    const after = createEmulator({ apiKey: "kv-key-new" });
    let upstream = before;
    const harness = createHarness({ bindings, fetch: (input, init) => upstream.fetch(input, init) });
    expect((await harness.generate()).status).toBe(200);

    await env.UPSTREAM_KEYS.put(name, "kv-key-new");
    upstream = after;
    const response = await harness.generate();

    expect(response.status).toBe(200);
    const calls = after.requests.map((call) => ({ auth: call.headers.authorization, status: call.status }));
    expect(calls).toEqual([
      { auth: "Bearer kv-key-old", status: 401 },
      { auth: "Bearer kv-key-new", status: 200 },
    ]);
    expect(harness.logs).toContainEqual(expect.objectContaining({ event: "upstream_key_refreshed" }));
    expect((await harness.generate()).status).toBe(200);
    expect(after.requests).toHaveLength(3);
  });

  it("does not retry a 401 more than once", async () => {
    const { bindings } = await kvBindings(undefined);
    const rejecting = createEmulator({ apiKey: "nobody-has-this-key" });
    let reads = 0;
    const rotating = {
      get: async () => `kv-key-${++reads}`,
    } as unknown as KVNamespace;
    const harness = createHarness({
      bindings: { ...bindings, UPSTREAM_KEYS: rotating },
      fetch: rejecting.fetch,
    });
    const response = await harness.generate();
    expect(response.status).toBe(401);
    expect(rejecting.requests.map((call) => call.headers.authorization)).toEqual([
      "Bearer kv-key-1",
      "Bearer kv-key-2",
    ]);
  });
});
