import { RequestValidationError, validateGenerateRequest } from "@ideokit/core";
import { describe, expect, it } from "vitest";
import { CLIENT_TOKEN, createHarness, errorOf } from "./support/harness.ts";

function post(body: BodyInit, contentType?: string): RequestInit {
  const headers: Record<string, string> = { authorization: `Bearer ${CLIENT_TOKEN}` };
  if (contentType !== undefined) headers["content-type"] = contentType;
  return { method: "POST", headers, body };
}

function coreIssues(body: unknown): { path: (string | number)[]; message: string }[] {
  try {
    validateGenerateRequest(body);
  } catch (error) {
    if (error instanceof RequestValidationError)
      return error.issues.map(({ path, message }) => ({ path, message }));
  }
  throw new Error("core accepted the body");
}

describe("body guard and validation", () => {
  it.each([
    ["text/plain", "text/plain"],
    ["form data", "application/x-www-form-urlencoded"],
    ["json-ish", "application/jsonp"],
    ["no content-type", undefined],
  ])("answers %s with 415 and sends nothing", async (_, contentType) => {
    const harness = createHarness();
    const response = await harness.call(
      "/ideogram/generate",
      post('{"image_request":{"prompt":"x"}}', contentType),
    );
    expect(response.status).toBe(415);
    expect((await errorOf(response)).type).toBe("unsupported_media_type");
    expect(harness.upstream.requests).toHaveLength(0);
  });

  it("accepts application/json with parameters", async () => {
    const harness = createHarness();
    const response = await harness.call(
      "/ideogram/generate",
      post('{"image_request":{"prompt":"x"}}', "Application/JSON; charset=utf-8"),
    );
    expect(response.status).toBe(200);
  });

  it("answers a body over 16 kB with 413 and sends nothing", async () => {
    const harness = createHarness();
    const body = JSON.stringify({ image_request: { prompt: "x".repeat(16 * 1024) } });
    const response = await harness.call("/ideogram/generate", post(body, "application/json"));
    expect(response.status).toBe(413);
    expect((await errorOf(response)).type).toBe("payload_too_large");
    expect(harness.upstream.requests).toHaveLength(0);
  });

  it("answers a streamed body over 16 kB (no content-length) with 413", async () => {
    const harness = createHarness();
    const chunk = new TextEncoder().encode("x".repeat(4096));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < 5; index++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await harness.call("/ideogram/generate", post(stream, "application/json"));
    expect(response.status).toBe(413);
    expect(harness.upstream.requests).toHaveLength(0);
  });

  it.each(["abc", "10", "-1", ""])(
    "counts the bytes of a body over 16 kB whatever its Content-Length says (%j): 413",
    async (contentLength) => {
      const harness = createHarness();
      const body = JSON.stringify({ image_request: { prompt: "x".repeat(20 * 1024) } });
      const init = post(body, "application/json");
      const response = await harness.call("/ideogram/generate", {
        ...init,
        headers: { ...(init.headers as Record<string, string>), "content-length": contentLength },
      });
      expect(response.status).toBe(413);
      expect((await errorOf(response)).type).toBe("payload_too_large");
      expect(harness.upstream.requests).toHaveLength(0);
    },
  );

  it("accepts a body of exactly 16 kB", async () => {
    const harness = createHarness();
    const shell = JSON.stringify({ image_request: { prompt: "" } });
    const body = JSON.stringify({ image_request: { prompt: "y".repeat(16 * 1024 - shell.length) } });
    expect(new TextEncoder().encode(body).length).toBe(16 * 1024);
    expect((await harness.call("/ideogram/generate", post(body, "application/json"))).status).toBe(200);
  });

  it.each(['{"image_request":', "not json", "", "{'image_request':{}}"])(
    "answers malformed JSON %j with 400 and sends nothing",
    async (body) => {
      const harness = createHarness();
      const response = await harness.call("/ideogram/generate", post(body, "application/json"));
      expect(response.status).toBe(400);
      const error = await errorOf(response);
      expect(error.type).toBe("invalid_request");
      expect(error.issues).toEqual([{ path: [], message: expect.any(String) }]);
      expect(harness.upstream.requests).toHaveLength(0);
    },
  );

  it.each([
    ["a blank prompt", { image_request: { prompt: "  " } }],
    ["no envelope", { prompt: "a cat" }],
    ["a list", [1, 2]],
    ["null", null],
    ["a typo'd field", { image_request: { prompt: "a cat", aspect_ration: "ASPECT_1_1" } }],
    ["several bad fields", { image_request: { prompt: "", seed: -1, num_images: 9, model: "V_9" } }],
    [
      "a cross-field conflict",
      { image_request: { prompt: "a cat", aspect_ratio: "ASPECT_1_1", resolution: "RESOLUTION_1024_1024" } },
    ],
  ])("answers %s with 400 and core's issues, sending nothing", async (_, body) => {
    const harness = createHarness();
    const response = await harness.generate(body);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.type).toBe("invalid_request");
    expect(error.issues).toEqual(coreIssues(body));
    expect(error.issues?.length).toBeGreaterThan(0);
    expect(harness.upstream.requests).toHaveLength(0);
  });

  it("checks credentials before reading the body", async () => {
    const harness = createHarness();
    const response = await harness.call("/ideogram/generate", { method: "POST", body: "x".repeat(20_000) });
    expect(response.status).toBe(401);
  });
});
