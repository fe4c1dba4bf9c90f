import { errorFromResponse, RateLimitError } from "@ideokit/core";
import { describe, expect, it } from "vitest";
import { createEmulator, createManualClock, fixtures, SAFETY_REJECTION_MESSAGE } from "../src/index.ts";
import { generate, ORIGIN } from "./support/requests.ts";

const valid = { image_request: { prompt: "a cat" } };

describe("error answers", () => {
  it("answers 400 with a detail naming each offending field", async () => {
    const response = await generate(createEmulator(), {
      image_request: { prompt: "a cat", aspect_ratio: "16:9", num_images: 9, aspectRatio: "x" },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { detail: string };
    expect(body.detail).toContain("image_request.aspect_ratio");
    expect(body.detail).toContain("ASPECT_16_9");
    expect(body.detail).toContain("image_request.num_images");
    expect(body.detail).toContain("image_request.aspectRatio");
    expect(errorFromResponse({ status: 400, body }).message).toContain("image_request.aspect_ratio");
  });

  it("rejects cross-field conflicts like the service", async () => {
    const response = await generate(createEmulator(), {
      image_request: { prompt: "a cat", aspect_ratio: "ASPECT_1_1", resolution: "RESOLUTION_1024_1024" },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/resolution|aspect_ratio/);
  });

  it("answers 400 for a body that is not JSON or lacks image_request", async () => {
    const emulator = createEmulator();
    const notJson = await generate(emulator, "{not json");
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { detail: string }).detail).toMatch(/JSON/);
    const noEnvelope = await generate(emulator, { prompt: "a cat" });
    expect(noEnvelope.status).toBe(400);
    expect(((await noEnvelope.json()) as { detail: string }).detail).toContain("image_request");
  });

  it("answers 401 when the key is missing or wrong", async () => {
    const emulator = createEmulator({ apiKey: "right" });
    const missing = await generate(emulator, valid, {});
    const wrong = await generate(emulator, valid, { authorization: "Bearer wrong" });
    const wrongScheme = await generate(emulator, valid, { authorization: "Basic right" });
    expect([missing.status, wrong.status, wrongScheme.status]).toEqual([401, 401, 401]);
    expect(((await wrong.json()) as { detail: string }).detail).not.toContain("wrong");
  });

  it("accepts both Authorization: Bearer KEY and Api-Key: KEY, and any of several keys", async () => {
    const emulator = createEmulator({ apiKey: ["first", "second"] });
    expect((await generate(emulator, valid, { authorization: "Bearer first" })).status).toBe(200);
    expect((await generate(emulator, valid, { "api-key": "second" })).status).toBe(200);
    expect(
      (await generate(emulator, valid, { "Api-Key": "first", authorization: "Bearer nope" })).status,
    ).toBe(200);
  });

  it("checks the key before the body", async () => {
    expect((await generate(createEmulator(), "{not json", {})).status).toBe(401);
  });

  it("answers 422 with the service's safety error for a blocked word, case-insensitive", async () => {
    const emulator = createEmulator({ blockedWords: ["dragon"] });
    const response = await generate(emulator, { image_request: { prompt: "A DRAGON over the bay" } });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: SAFETY_REJECTION_MESSAGE });
    expect(SAFETY_REJECTION_MESSAGE).toBe(fixtures.officialSafetyError.error);
    expect((await generate(emulator, { image_request: { prompt: "snapdragons in a vase" } })).status).toBe(
      200,
    );
  });

  it("blocks the default word nsfw unless configured otherwise", async () => {
    expect((await generate(createEmulator(), { image_request: { prompt: "nsfw test" } })).status).toBe(422);
    const permissive = createEmulator({ blockedWords: [] });
    expect((await generate(permissive, { image_request: { prompt: "nsfw test" } })).status).toBe(200);
  });

  it("answers 429 with Retry-After past the rate limit, per key, until the window passes", async () => {
    const clock = createManualClock();
    const emulator = createEmulator({
      clock: clock.now,
      apiKey: ["a", "b"],
      rateLimit: { requests: 2, perMs: 10_000 },
    });
    const asA = { authorization: "Bearer a" };
    expect((await generate(emulator, valid, asA)).status).toBe(200);
    clock.advance(4_000);
    expect((await generate(emulator, valid, asA)).status).toBe(200);
    const limited = await generate(emulator, valid, asA);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("6");
    const error = errorFromResponse({ status: 429, headers: limited.headers, body: await limited.json() });
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(6_000);
    expect((await generate(emulator, valid, { authorization: "Bearer b" })).status).toBe(200);
    clock.advance(6_000);
    expect((await generate(emulator, valid, asA)).status).toBe(200);
  });

  it("answers 404 for unknown routes and 405 for GET /generate", async () => {
    const emulator = createEmulator();
    const unknown = await emulator.fetch(`${ORIGIN}/v1/nothing`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toBe("application/problem+json");
    const wrongMethod = await emulator.fetch(`${ORIGIN}/generate`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("POST");
  });

  it("rejects an empty or missing key list at creation", () => {
    expect(() => createEmulator({ apiKey: [] })).toThrow(TypeError);
    expect(() => createEmulator({ apiKey: "" })).toThrow(TypeError);
  });
});
