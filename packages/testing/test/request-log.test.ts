import { describe, expect, it } from "vitest";
import { createEmulator, createManualClock, type LoggedRequest } from "../src/index.ts";
import { generate, generateOk, ORIGIN } from "./support/requests.ts";

describe("request log", () => {
  it("is empty until something reaches the emulator", () => {
    expect(createEmulator().requests).toEqual([]);
  });

  it("records method, path, headers, parsed body, clock time, status and the x-request-id", async () => {
    const clock = createManualClock(Date.UTC(2025, 0, 2));
    const emulator = createEmulator({ clock: clock.now });
    const response = await generate(
      emulator,
      { image_request: { prompt: "logged" } },
      { "api-key": "test-key" },
    );
    const [entry] = emulator.requests;
    expect(entry).toMatchObject({
      method: "POST",
      path: "/generate",
      url: `${ORIGIN}/generate`,
      body: { image_request: { prompt: "logged" } },
      time: Date.UTC(2025, 0, 2),
      status: 200,
    });
    expect(entry!.headers["api-key"]).toBe("test-key");
    expect(entry!.headers.authorization).toBeUndefined();
    expect(entry!.id).toBe(response.headers.get("x-request-id"));
  });

  it("shows which auth header arrived", async () => {
    const emulator = createEmulator();
    await generate(emulator, { image_request: { prompt: "bearer" } });
    expect(emulator.requests[0]!.headers.authorization).toBe("Bearer test-key");
    expect(emulator.requests[0]!.headers["api-key"]).toBeUndefined();
  });

  it("keeps a body that is not JSON as text, and no body as undefined", async () => {
    const emulator = createEmulator();
    await generate(emulator, "plain words");
    await emulator.fetch(`${ORIGIN}/images/ephemeral/x.png`);
    expect(emulator.requests.map((request) => request.body)).toEqual(["plain words", undefined]);
  });

  it("logs image downloads and failed requests alike", async () => {
    const emulator = createEmulator();
    const url = (await generateOk(emulator, { prompt: "a cat" })).data[0]!.url!;
    await emulator.fetch(url);
    await generate(emulator, { image_request: { prompt: "a cat" } }, {});
    expect(
      emulator.requests.map((request) => [request.method, request.path.split("/")[1], request.status]),
    ).toEqual([
      ["POST", "generate", 200],
      ["GET", "images", 200],
      ["POST", "generate", 401],
    ]);
  });

  it("keeps at most logLimit requests, dropping the oldest", async () => {
    const emulator = createEmulator({ logLimit: 2 });
    for (const prompt of ["one", "two", "three"]) await generate(emulator, { image_request: { prompt } });
    expect(
      emulator.requests.map(
        (request) => (request.body as { image_request: { prompt: string } }).image_request.prompt,
      ),
    ).toEqual(["two", "three"]);
  });

  it("is emptied by clear()", async () => {
    const emulator = createEmulator();
    await generate(emulator, { image_request: { prompt: "a cat" } });
    emulator.clear();
    expect(emulator.requests).toHaveLength(0);
  });

  it("calls onRequest once each request is answered", async () => {
    const seen: LoggedRequest[] = [];
    const emulator = createEmulator({ onRequest: (request) => seen.push({ ...request }) });
    await generate(emulator, { image_request: { prompt: "a cat" } });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.status).toBe(200);
  });
});

describe("CORS", () => {
  it("answers preflights from any origin, allowing the requested headers", async () => {
    const emulator = createEmulator();
    const response = await emulator.fetch(`${ORIGIN}/generate`, {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:5173",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type,x-emulator-fault",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
    expect(response.headers.get("access-control-allow-headers")).toContain("authorization");
    expect(response.headers.get("access-control-allow-headers")).toContain("x-emulator-fault");
  });

  it("exposes x-request-id and the retry headers on answers, errors included", async () => {
    const emulator = createEmulator({ rateLimit: { requests: 1, perMs: 60_000 } });
    const headers = { authorization: "Bearer test-key", origin: "http://localhost:5173" };
    await generate(emulator, { image_request: { prompt: "a cat" } }, headers);
    const limited = await generate(emulator, { image_request: { prompt: "a cat" } }, headers);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("access-control-allow-origin")).toBe("*");
    const exposed = limited.headers.get("access-control-expose-headers")?.split(",") ?? [];
    expect(exposed).toEqual(
      expect.arrayContaining(["x-request-id", "retry-after", "retry-after-ms", "x-should-retry"]),
    );
  });

  it("is off with cors: false", async () => {
    const emulator = createEmulator({ cors: false });
    const response = await generate(
      emulator,
      { image_request: { prompt: "a cat" } },
      {
        authorization: "Bearer test-key",
        origin: "http://localhost:5173",
      },
    );
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});
