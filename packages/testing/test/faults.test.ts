import { request as httpRequest } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConnectionResetError, createEmulator, type Emulator, type FaultKind } from "../src/index.ts";
import { type RunningEmulator, startEmulator } from "../src/node.ts";
import { generate, generateOk } from "./support/requests.ts";

const valid = { image_request: { prompt: "a cat", seed: 1 } };
const withFault = (emulator: Emulator, fault: string) =>
  generate(emulator, valid, { authorization: `Bearer ${emulator.apiKey}`, "x-emulator-fault": fault });

describe("faults from the x-emulator-fault header", () => {
  it.each([
    ["500", 500, "application/problem+json"],
    ["502", 502, "text/html"],
    ["503", 503, "text/html"],
  ])("%s answers status %i", async (fault, status, contentType) => {
    const response = await withFault(createEmulator(), fault);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe(contentType);
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  it.each([
    ["403", 403, "Forbidden"],
    ["409", 409, "Conflict"],
    ["429", 429, "Too Many Requests"],
  ])("%s answers status %i with a problem body", async (fault, status, title) => {
    const response = await withFault(createEmulator(), fault);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ status, title });
  });

  it("429 asks to retry after 1 s; 429:MS asks for MS milliseconds in retry-after-ms", async () => {
    const emulator = createEmulator();
    const plain = await withFault(emulator, "429");
    expect(plain.headers.get("retry-after")).toBe("1");
    expect(plain.headers.get("retry-after-ms")).toBeNull();
    const timed = await withFault(emulator, "429:1500");
    expect(timed.status).toBe(429);
    expect(timed.headers.get("retry-after-ms")).toBe("1500");
    expect(timed.headers.get("retry-after")).toBe("2");
    expect(emulator.requests.map((request) => request.fault)).toEqual(["429", "429:1500"]);
  });

  it("malformed answers 200 with a body that is not JSON", async () => {
    const response = await withFault(createEmulator(), "malformed");
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it("truncated answers 200 with the first half of the real JSON body", async () => {
    const emulator = createEmulator({ clock: () => 0, signingSecret: "s" });
    const whole = await (await generate(emulator, valid)).text();
    const response = await withFault(emulator, "truncated");
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toBe(whole.slice(0, Math.floor(whole.length / 2)));
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it("reset rejects an in-process fetch with ConnectionResetError", async () => {
    await expect(withFault(createEmulator(), "reset")).rejects.toBeInstanceOf(ConnectionResetError);
  });

  it("hang never answers; the client's abort ends it", async () => {
    const emulator = createEmulator();
    const controller = new AbortController();
    const pending = emulator.fetch("http://emulator.test/generate", {
      method: "POST",
      headers: { "x-emulator-fault": "hang" },
      signal: controller.signal,
    });
    let settled = false;
    pending.then(
      () => (settled = true),
      () => (settled = true),
    );
    await vi.waitFor(() => expect(emulator.requests).toHaveLength(1));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(ConnectionResetError);
  });

  it("slow:MS answers normally after MS milliseconds", async () => {
    vi.useFakeTimers();
    try {
      const emulator = createEmulator();
      let response: Response | undefined;
      const pending = withFault(emulator, "slow:5000").then((answer) => (response = answer));
      await vi.advanceTimersByTimeAsync(4999);
      expect(response).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      await pending;
      expect(response!.status).toBe(200);
      expect(emulator.requests[0]!.fault).toBe("slow:5000");
    } finally {
      vi.useRealTimers();
    }
  });

  it("slow:MS stops waiting when the client gives up: its abort ends it, and no timer is left", async () => {
    vi.useFakeTimers();
    try {
      const emulator = createEmulator();
      const controller = new AbortController();
      const pending = emulator.fetch("http://emulator.test/generate", {
        method: "POST",
        headers: { "x-emulator-fault": "slow:60000", authorization: `Bearer ${emulator.apiKey}` },
        body: JSON.stringify(valid),
        signal: controller.signal,
      });
      await vi.advanceTimersByTimeAsync(10);
      expect(vi.getTimerCount()).toBe(1);
      controller.abort();
      await expect(pending).rejects.toBeInstanceOf(ConnectionResetError);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("answers 400 naming the valid kinds for an unknown fault", async () => {
    const response = await withFault(createEmulator(), "explode");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toContain("truncated");
  });

  it.each([
    ["503", 503],
    ["403", 403],
    ["409", 409],
    ["429", 429],
  ])("%s applies to image downloads too", async (fault, status) => {
    const emulator = createEmulator();
    const url = (await generateOk(emulator, valid.image_request)).data[0]!.url!;
    expect((await emulator.fetch(url, { headers: { "x-emulator-fault": fault } })).status).toBe(status);
  });

  it("truncated on an image sends half its bytes under the full content-length, then fails the read", async () => {
    const emulator = createEmulator();
    const url = (await generateOk(emulator, valid.image_request)).data[0]!.url!;
    const whole = new Uint8Array(await (await emulator.fetch(url)).arrayBuffer());
    const response = await emulator.fetch(url, { headers: { "x-emulator-fault": "truncated" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe(String(whole.length));
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.value).toEqual(whole.slice(0, Math.floor(whole.length / 2)));
    await expect(reader.read()).rejects.toBeInstanceOf(ConnectionResetError);
  });
});

describe("programmatic faults", () => {
  it("next(n, kind) fails the next n generate requests, then recovers", async () => {
    const emulator = createEmulator();
    emulator.faults.next(2, 503);
    expect(emulator.faults.pending()).toBe(2);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await generate(emulator, valid)).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(emulator.requests.map((request) => request.fault)).toEqual(["503", "503", undefined]);
  });

  it("leaves image downloads alone unless targeted with on: images", async () => {
    const emulator = createEmulator();
    const url = (await generateOk(emulator, valid.image_request)).data[0]!.url!;
    emulator.faults.next(1, "500", { on: "images" });
    expect((await generate(emulator, valid)).status).toBe(200);
    expect((await emulator.fetch(url)).status).toBe(500);
    expect((await emulator.fetch(url)).status).toBe(200);
  });

  it("takes the statuses as numbers and 429:MS as text, on any route", async () => {
    const emulator = createEmulator();
    const url = (await generateOk(emulator, valid.image_request)).data[0]!.url!;
    emulator.faults.next(1, 403, { on: "all" });
    emulator.faults.next(1, 409);
    emulator.faults.next(1, "429:250", { on: "images" });
    expect((await emulator.fetch(url)).status).toBe(403);
    expect((await generate(emulator, valid)).status).toBe(409);
    const limited = await emulator.fetch(url);
    expect([limited.status, limited.headers.get("retry-after-ms")]).toEqual([429, "250"]);
    expect(emulator.faults.pending()).toBe(0);
  });

  it("throws a TypeError for an unknown kind", () => {
    expect(() => createEmulator().faults.next(1, "boom" as FaultKind)).toThrow(TypeError);
  });

  it("random faults at a seeded rate are reproducible and only use the configured kinds", async () => {
    const run = async () => {
      const emulator = createEmulator({ faults: { rate: 0.5, seed: 42, kinds: ["500", "502"] } });
      const statuses = [];
      for (let i = 0; i < 20; i++) statuses.push((await generate(emulator, valid)).status);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first).toContain(200);
    expect(first.filter((status) => status !== 200).length).toBeGreaterThan(0);
    expect(first.every((status) => [200, 500, 502].includes(status))).toBe(true);
  });

  it("clear() drops queued faults and stops random ones", async () => {
    const emulator = createEmulator({ faults: { rate: 1 } });
    emulator.faults.next(3, "reset");
    emulator.clear();
    expect(emulator.faults.pending()).toBe(0);
    expect((await generate(emulator, valid)).status).toBe(200);
  });
});

describe("faults over a real socket (startEmulator)", () => {
  let emulator: RunningEmulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });
  const post = (fault: string, signal?: AbortSignal) =>
    fetch(`${emulator!.url}/generate`, {
      method: "POST",
      headers: { authorization: "Bearer test-key", "x-emulator-fault": fault },
      body: JSON.stringify(valid),
      signal,
    });

  it("reset destroys the connection: fetch fails without a response", async () => {
    emulator = await startEmulator();
    const error = await post("reset").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect(emulator.requests[0]!.fault).toBe("reset");
    expect(emulator.requests[0]!.status).toBeUndefined();
    expect((await post("500")).status).toBe(500);
  });

  it("truncated sends a complete HTTP answer whose JSON is cut", async () => {
    emulator = await startEmulator();
    const response = await post("truncated");
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it("truncated on an image closes the connection after half the promised bytes", async () => {
    emulator = await startEmulator();
    const generated = await fetch(`${emulator.url}/generate`, {
      method: "POST",
      headers: { authorization: "Bearer test-key" },
      body: JSON.stringify(valid),
    });
    const url = ((await generated.json()) as { data: { url: string }[] }).data[0]!.url;
    const { promised, received, outcome } = await new Promise<{
      promised: number;
      received: number;
      outcome: string;
    }>((resolve) => {
      const get = httpRequest(url, { headers: { "x-emulator-fault": "truncated" } }, (response) => {
        let received = 0;
        const promised = Number(response.headers["content-length"]);
        response.on("data", (chunk: Buffer) => (received += chunk.length));
        response.on("end", () => resolve({ promised, received, outcome: "end" }));
        response.on("error", () => resolve({ promised, received, outcome: "dropped" }));
      });
      get.end();
    });
    expect(outcome).toBe("dropped");
    expect(received).toBe(Math.floor(promised / 2));
    const retried = await fetch(url);
    expect((await retried.arrayBuffer()).byteLength).toBe(promised);
  });

  it("close() ends hung requests instead of waiting for them", async () => {
    emulator = await startEmulator();
    const hung = post("hang").catch((caught: unknown) => caught);
    await vi.waitFor(() => expect(emulator!.requests).toHaveLength(1));
    await emulator.close();
    expect(await hung).toBeInstanceOf(TypeError);
    emulator = undefined;
  });
});
