import { afterEach, describe, expect, test, vi } from "vitest";
import { commands } from "vitest/browser";
import {
  AuthenticationError,
  createClient,
  Ideogram,
  IdeogramError,
  type ImageRequest,
  RequestValidationError,
} from "../src/index.ts";
import { createClient as createLiteClient } from "../src/lite.ts";
import { baseURL, generateCalls, rejectionOf, TEST_TOKEN, useFreshEmulators } from "./support.ts";

useFreshEmulators();

describe("generate", () => {
  test("posts the validated request and resolves with the parsed response", async () => {
    const client = createClient({ baseURL, token: TEST_TOKEN });
    const response = await client.generate({ prompt: "a lighthouse at dusk", num_images: 2, seed: 42 });

    expect(response.data).toHaveLength(2);
    for (const image of response.data) {
      expect(image.url).toMatch(/\/images\/ephemeral\/.+\.png\?exp=\d+&sig=/);
      expect(image.seed).toBe(42);
    }
    const [call, ...others] = await generateCalls();
    expect(others).toEqual([]);
    expect(call?.method).toBe("POST");
    expect(call?.path).toBe("/ideogram/generate");
    expect(call?.body).toEqual({
      image_request: { prompt: "a lighthouse at dusk", num_images: 2, seed: 42 },
    });
  });

  test("new Ideogram(options) is the class form of the same client", async () => {
    const client = new Ideogram({ baseURL, token: TEST_TOKEN });
    const response = await client.generate({ prompt: "a fox", resolution: "RESOLUTION_1024_1024" });

    expect(response.data[0]?.resolution).toBe("1024x1024");
    expect(await generateCalls()).toHaveLength(1);
  });

  test("sends client headers and per-call headers, the call's winning", async () => {
    const client = createClient({
      baseURL,
      token: TEST_TOKEN,
      headers: { "x-app": "gallery", "x-trace": "client" },
    });
    await client.generate({ prompt: "a fox" }, { headers: { "x-trace": "call" } });

    const [call] = await generateCalls();
    expect(call?.headers["x-app"]).toBe("gallery");
    expect(call?.headers["x-trace"]).toBe("call");
    expect(call?.headers["content-type"]).toBe("application/json");
    expect(call?.headers.accept).toBe("application/json");
  });
});

describe("generateWithResponse", () => {
  test("resolves with the parsed response and the status, headers and request id of the answer", async () => {
    const { data, response } = await createClient({ baseURL, token: TEST_TOKEN }).generateWithResponse({
      prompt: "a fox",
      num_images: 2,
    });

    expect(data.data).toHaveLength(2);
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toContain("application/json");
    const [call, ...others] = await generateCalls();
    expect(others).toEqual([]);
    expect(response.requestId).toBe(call?.id);
  });

  test("is on the class form and on /lite too", async () => {
    const fromClass = await new Ideogram({ baseURL, token: TEST_TOKEN }).generateWithResponse({
      prompt: "a fox",
    });
    const fromLite = await createLiteClient({ baseURL, token: TEST_TOKEN }).generateWithResponse({
      prompt: "a fox",
    });

    const calls = await generateCalls();
    expect([fromClass.response.requestId, fromLite.response.requestId]).toEqual(calls.map((call) => call.id));
    expect(fromLite.data.data).toHaveLength(1);
  });
});

describe("credentials", () => {
  test("the token goes in Authorization: Bearer and no API key header is sent", async () => {
    await createClient({ baseURL, token: TEST_TOKEN }).generate({ prompt: "a fox" });

    const [call] = await generateCalls();
    expect(call?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    expect(Object.keys(call?.headers ?? {})).not.toContain("api-key");
  });

  test("a token function is asked before each call, so a refreshed token is used next time", async () => {
    const expired = "expired-jwt-0123456789";
    let current = expired;
    const client = createClient({ baseURL, token: () => current });
    const error = await rejectionOf(client.generate({ prompt: "a fox" }));
    current = TEST_TOKEN;
    const response = await client.generate({ prompt: "a fox" });

    expect(error).toBeInstanceOf(AuthenticationError);
    expect(JSON.stringify(error)).not.toContain(expired);
    expect((error as AuthenticationError).message).not.toContain(expired);
    expect(response.data).toHaveLength(1);
    expect(client.auth).toBe("bearer");
    const calls = await generateCalls();
    expect(calls.map((call) => call.headers.authorization)).toEqual([
      `Bearer ${expired}`,
      `Bearer ${TEST_TOKEN}`,
    ]);
  });

  test("a token function may be async, and is not called for a request that fails validation", async () => {
    const token = vi.fn(async () => TEST_TOKEN);
    const client = createClient({ baseURL, token });
    const invalid = await rejectionOf(client.generate({ prompt: " " } as ImageRequest));

    expect(invalid).toBeInstanceOf(RequestValidationError);
    expect(token).not.toHaveBeenCalled();

    await client.generate({ prompt: "a fox" });
    expect(token).toHaveBeenCalledTimes(1);
    const [call] = await generateCalls();
    expect(call?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
  });

  test("an empty token (a meta tag the server left blank, a token function with nothing) is named as such", async () => {
    const blank = await rejectionOf(createClient({ baseURL, token: "" }).generate({ prompt: "a fox" }));
    const none = await rejectionOf(
      createClient({ baseURL, token: async () => "" }).generate({ prompt: "a fox" }),
    );

    for (const error of [blank, none]) {
      expect(error).toBeInstanceOf(IdeogramError);
      expect((error as IdeogramError).message).toBe(
        'No apiKey or token for auth "bearer" (pass auth: "none" to send none).',
      );
    }
    expect(await commands.emulatorRequests()).toEqual([]);
  });

  test("without a token no credentials are sent at all", async () => {
    const error = await rejectionOf(createClient({ baseURL }).generate({ prompt: "a fox" }));

    expect(error).toBeInstanceOf(AuthenticationError);

    const [call] = await generateCalls();
    expect(call?.headers.authorization).toBeUndefined();
    expect(call?.headers["api-key"]).toBeUndefined();
  });

  test("an upstream API key is refused before anything is sent, naming the risk and the worker", async () => {
    const secretKey = "sk-upstream-secret-123";
    const error = await rejectionOf(
      Promise.resolve().then(() => createClient({ baseURL, apiKey: secretKey })),
    );

    expect(error).toBeInstanceOf(IdeogramError);
    const { message } = error as IdeogramError;
    expect(message).toMatch(/every visitor/);
    expect(message).toMatch(/edge worker/);
    expect(message).toMatch(/dangerouslyAllowBrowser/);
    expect(message).not.toContain(secretKey);
    expect(await commands.emulatorRequests()).toEqual([]);
  });

  test("dangerouslyAllowBrowser lets a page call the API with the key, as bearer for a non-official host", async () => {
    const client = createClient({ baseURL, apiKey: TEST_TOKEN, dangerouslyAllowBrowser: true });
    await client.generate({ prompt: "a fox" });

    const [call] = await generateCalls();
    expect(call?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
  });

  test("a token and an API key together are refused", () => {
    expect(() => createClient({ token: "t", apiKey: "k", dangerouslyAllowBrowser: true })).toThrow(
      IdeogramError,
    );
  });
});

describe("default base URL", () => {
  afterEach(() => commands.unrouteSameOrigin());

  test("resolves against the page, and credentials decide the auth scheme", () => {
    const withToken = new Ideogram({ token: TEST_TOKEN });

    expect(withToken.baseURL).toBe(`${location.origin}/ideogram`);
    expect(withToken.auth).toBe("bearer");
    expect(createClient().auth).toBe("none");
    expect(createClient({ baseURL: "/api/images" }).baseURL).toBe(`${location.origin}/api/images`);
  });

  test("is /ideogram on the page's origin, where the edge worker lives", async () => {
    await commands.routeSameOriginToEmulator();
    const response = await createClient({ token: TEST_TOKEN }).generate({ prompt: "a fox" });

    expect(response.data).toHaveLength(1);
    const [call] = await generateCalls();
    expect(call?.path).toBe("/ideogram/generate");
  });
});
