import { connect } from "node:net";
import { Agent } from "undici";
import { describe, expect, it, onTestFinished } from "vitest";
import {
  IDEOGRAM_OFFICIAL,
  Ideogram,
  IdeogramError,
  KKIAI,
  MissingAPIKeyError,
  RequestValidationError,
  validateImageRequest,
} from "../src/index.ts";
import { API_KEY, clientFor, useEmulator } from "./helpers.ts";

const emulator = useEmulator();

describe("generate", () => {
  it("sends the validated request with bearer auth and returns the parsed response", async () => {
    const response = await clientFor(emulator()).generate({
      prompt: "a lighthouse at dusk",
      aspect_ratio: "ASPECT_16_9",
      num_images: 2,
      seed: 42,
    });

    expect(response.data).toHaveLength(2);
    expect(response.data.map((image) => image.seed)).toEqual([42, 42]);
    expect(response.data[0]?.url).toMatch(/\/images\/ephemeral\/.+\.png\?exp=\d+&sig=/);
    const [request] = emulator().requests;
    expect(emulator().requests).toHaveLength(1);
    expect(request?.path).toBe("/generate");
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request?.body).toEqual({
      image_request: { prompt: "a lighthouse at dusk", aspect_ratio: "ASPECT_16_9", num_images: 2, seed: 42 },
    });
  });

  it("reaches the reseller's /ideogram/generate route when the base URL carries the prefix", async () => {
    const response = await clientFor(emulator(), { baseURL: `${emulator().url}/ideogram/` }).generate({
      prompt: "a fox",
    });

    expect(response.data).toHaveLength(1);
    expect(emulator().requests[0]?.path).toBe("/ideogram/generate");
  });

  it("returns status, headers and the request id with generateWithResponse", async () => {
    const { data, response } = await clientFor(emulator()).generateWithResponse({ prompt: "a fox" });

    expect(data.data).toHaveLength(1);
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toContain("application/json");
    expect(response.requestId).toBe(emulator().requests[0]?.id);
  });

  it("rejects an invalid request with every issue and sends nothing", async () => {
    const client = clientFor(emulator());
    const error = await client
      .generate({ prompt: " ", aspect_ratio: "16:10:1", num_images: 9 } as never)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(RequestValidationError);
    const fields = (error as RequestValidationError).issues.map((issue) => issue.path.join("."));
    expect(fields).toEqual(expect.arrayContaining(["prompt", "aspect_ratio", "num_images"]));
    expect(emulator().requests).toHaveLength(0);
  });

  it("takes untyped input (JSON from a form) once validateImageRequest has typed it", async () => {
    const client = clientFor(emulator());
    const fromAForm: unknown = JSON.parse('{ "prompt": "a fox", "aspect_ratio": "ASPECT_16_9", "seed": 7 }');
    const response = await client.generate(validateImageRequest(fromAForm));
    const invalid: unknown = JSON.parse('{ "prompt": "a fox", "aspect_ratio": "16:9" }');

    expect(response.data[0]?.seed).toBe(7);
    expect(() => validateImageRequest(invalid)).toThrow(RequestValidationError);
    expect(() => validateImageRequest(invalid)).toThrow(/did you mean "ASPECT_16_9"/);
    expect(emulator().requests).toHaveLength(1);
  });

  it("sends unknown fields on with validate: 'passthrough' and skips checks with validate: false", async () => {
    await clientFor(emulator(), { validate: "passthrough" })
      .generate({ prompt: "a fox", future_field: 1 } as never)
      .catch(() => undefined);
    await clientFor(emulator(), { validate: false })
      .generate({ prompt: "" })
      .catch(() => undefined);

    expect(emulator().requests.map((request) => request.body)).toEqual([
      { image_request: { prompt: "a fox", future_field: 1 } },
      { image_request: { prompt: "" } },
    ]);
  });

  it("sends Api-Key instead of Authorization when configured for the official API", async () => {
    await clientFor(emulator(), { auth: "api-key" }).generate({ prompt: "a fox" });

    const headers = emulator().requests[0]?.headers;
    expect(headers?.["api-key"]).toBe(API_KEY);
    expect(headers?.authorization).toBeUndefined();
  });

  it("sends Api-Key to the official API when its base URL alone is given", async () => {
    // Every connection goes to the emulator on loopback, whatever host the URL names.
    const port = Number(new URL(emulator().url).port);
    const loopback = new Agent({
      connect: (_options, callback) => {
        const socket = connect(port, "127.0.0.1");
        socket.once("connect", () => callback(null, socket));
        socket.once("error", (error) => callback(error, null));
      },
    });
    onTestFinished(() => loopback.close());
    await clientFor(emulator(), { baseURL: IDEOGRAM_OFFICIAL.baseURL, dispatcher: loopback }).generate({
      prompt: "a fox",
    });

    const [request] = emulator().requests;
    expect(request?.headers.host).toBe("api.ideogram.ai");
    expect(request?.path).toBe("/generate");
    expect(request?.headers["api-key"]).toBe(API_KEY);
    expect(request?.headers.authorization).toBeUndefined();
  });

  it("merges client and per-call headers into the request", async () => {
    await clientFor(emulator(), { headers: { "x-client": "a", "x-both": "client" } }).generate(
      { prompt: "a fox" },
      { headers: { "x-both": "call" } },
    );

    expect(emulator().requests[0]?.headers).toMatchObject({ "x-client": "a", "x-both": "call" });
  });
});

describe("configuration", () => {
  it("fails at construction, not with a 401 later, when no key is configured", () => {
    expect(() => new Ideogram({ env: {} })).toThrow(MissingAPIKeyError);
    expect(() => new Ideogram({ env: { IDEOGRAM_API_KEY: " " } })).toThrow(/IDEOGRAM_API_KEY/);
  });

  it("treats an empty apiKey as missing rather than falling back or failing at the first call", () => {
    expect(() => new Ideogram({ apiKey: "", env: {} })).toThrow(MissingAPIKeyError);
    expect(() => new Ideogram({ apiKey: "", env: { IDEOGRAM_API_KEY: API_KEY } })).toThrow(
      MissingAPIKeyError,
    );
  });

  it.each(["not-a-url", "www.kkiai.com/ideogram", "ftp://example.com/ideogram"])(
    "refuses the base URL %s at construction instead of retrying connection errors",
    (baseURL) => {
      expect(() => new Ideogram({ apiKey: API_KEY, baseURL, env: {} })).toThrow(IdeogramError);
      expect(() => new Ideogram({ env: { IDEOGRAM_API_KEY: API_KEY, IDEOGRAM_BASE_URL: baseURL } })).toThrow(
        `Invalid baseURL "${baseURL}": expected an absolute http(s) URL`,
      );
    },
  );

  it("takes timeout: Infinity (or more than a timer holds) as no limit rather than an instant timeout", async () => {
    const client = clientFor(emulator(), { timeout: Number.POSITIVE_INFINITY, maxRetries: 0 });
    const unbounded = await client.generate({ prompt: "a fox" });
    const beyondATimer = await client.generate({ prompt: "a fox" }, { timeout: 2 ** 31 });

    expect([unbounded.data.length, beyondATimer.data.length]).toEqual([1, 1]);
  });

  it("reads the key and base URL from the environment", async () => {
    const client = new Ideogram({ env: { IDEOGRAM_API_KEY: API_KEY, IDEOGRAM_BASE_URL: emulator().url } });
    try {
      await client.generate({ prompt: "a fox" });
    } finally {
      await client.close();
    }

    expect(client.baseURL).toBe(emulator().url);
    expect(emulator().requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it("defaults to the reseller and picks the auth scheme from the base URL", async () => {
    const reseller = new Ideogram({ apiKey: "k", env: {} });
    const official = new Ideogram({ apiKey: "k", baseURL: IDEOGRAM_OFFICIAL.baseURL, env: {} });
    await Promise.all([reseller.close(), official.close()]);

    expect([reseller.baseURL, reseller.auth]).toEqual([KKIAI.baseURL, "bearer"]);
    expect([official.baseURL, official.auth]).toEqual([IDEOGRAM_OFFICIAL.baseURL, "api-key"]);
  });
});
