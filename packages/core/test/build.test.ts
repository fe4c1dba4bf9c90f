import { describe, expect, it } from "vitest";
import {
  buildGenerateRequest,
  DEFAULT_BASE_URL,
  defaultAuthFor,
  generateUrl,
  IDEOGRAM_OFFICIAL,
  IdeogramError,
  type ImageRequest,
  KKIAI,
} from "../src/index.ts";

const request: ImageRequest = { prompt: "a red fox", aspect_ratio: "ASPECT_16_9", seed: 7 };

describe("presets", () => {
  it("names the reseller and the official API", () => {
    expect(KKIAI).toEqual({ baseURL: "https://www.kkiai.com/ideogram", auth: "bearer" });
    expect(IDEOGRAM_OFFICIAL).toEqual({ baseURL: "https://api.ideogram.ai", auth: "api-key" });
    expect(DEFAULT_BASE_URL).toBe(KKIAI.baseURL);
  });
});

describe("buildGenerateRequest", () => {
  it("defaults to the reseller with a bearer token", () => {
    expect(buildGenerateRequest(request, { apiKey: "sk-test" })).toEqual({
      url: "https://www.kkiai.com/ideogram/generate",
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        Authorization: "Bearer sk-test",
      },
      body: '{"image_request":{"prompt":"a red fox","aspect_ratio":"ASPECT_16_9","seed":7}}',
    });
  });

  it("uses Api-Key for the official API", () => {
    const built = buildGenerateRequest(request, { ...IDEOGRAM_OFFICIAL, apiKey: "official" });
    expect(built.url).toBe("https://api.ideogram.ai/generate");
    expect(built.headers).toEqual({
      "Content-Type": "application/json",
      Accept: "application/json",
      "Api-Key": "official",
    });
  });

  it("picks the scheme from the host when auth is not given", () => {
    expect(
      buildGenerateRequest(request, { baseURL: "https://api.ideogram.ai/", apiKey: "k" }).headers["Api-Key"],
    ).toBe("k");
    expect(
      buildGenerateRequest(request, { baseURL: "http://127.0.0.1:8787/ideogram", apiKey: "k" }).headers
        .Authorization,
    ).toBe("Bearer k");
  });

  it("honours an explicit scheme over the host default", () => {
    const built = buildGenerateRequest(request, {
      baseURL: "https://api.ideogram.ai",
      auth: "bearer",
      apiKey: "k",
    });
    expect(built.headers.Authorization).toBe("Bearer k");
    expect(built.headers["Api-Key"]).toBeUndefined();
  });

  it("sends no credentials with auth none", () => {
    const built = buildGenerateRequest(request, { baseURL: "http://127.0.0.1:1/x", auth: "none" });
    expect(Object.keys(built.headers)).toEqual(["Content-Type", "Accept"]);
  });

  it.each(["bearer", "api-key"] as const)(
    "refuses auth %s without a key, without echoing anything secret",
    (auth) => {
      expect(() => buildGenerateRequest(request, { auth })).toThrow(IdeogramError);
      expect(() => buildGenerateRequest(request, { auth, apiKey: "" })).toThrow(
        `No apiKey or token for auth "${auth}"`,
      );
    },
  );

  it.each([
    ["https://www.kkiai.com/ideogram", "https://www.kkiai.com/ideogram/generate"],
    ["https://www.kkiai.com/ideogram/", "https://www.kkiai.com/ideogram/generate"],
    ["https://www.kkiai.com/ideogram//", "https://www.kkiai.com/ideogram/generate"],
    ["http://127.0.0.1:8080", "http://127.0.0.1:8080/generate"],
    ["http://127.0.0.1:8080/", "http://127.0.0.1:8080/generate"],
  ])("joins %s into %s", (baseURL, url) => {
    expect(buildGenerateRequest(request, { baseURL, auth: "none" }).url).toBe(url);
    expect(generateUrl(baseURL)).toBe(url);
  });

  it("merges extra headers case-insensitively, letting them override defaults", () => {
    const built = buildGenerateRequest(request, {
      apiKey: "k",
      headers: { "x-trace": "abc", accept: "application/json; charset=utf-8" },
    });
    expect(built.headers).toEqual({
      "Content-Type": "application/json",
      Authorization: "Bearer k",
      "x-trace": "abc",
      accept: "application/json; charset=utf-8",
    });
  });

  it("serialises passthrough fields as given", () => {
    const withFuture = { prompt: "x", rendering_speed: "TURBO" } as ImageRequest;
    expect(JSON.parse(buildGenerateRequest(withFuture, { auth: "none" }).body)).toEqual({
      image_request: withFuture,
    });
  });
});

describe("defaultAuthFor", () => {
  it.each([
    ["https://api.ideogram.ai", "api-key"],
    ["https://API.ideogram.ai/v1/", "api-key"],
    ["https://eu.api.ideogram.ai", "api-key"],
    ["https://www.kkiai.com/ideogram", "bearer"],
    ["https://api.ideogram.ai.evil.example", "bearer"],
    ["https://ideogram.ai", "bearer"],
    ["http://127.0.0.1:8787", "bearer"],
    ["not a url", "bearer"],
  ])("%s → %s", (baseURL, auth) => {
    expect(defaultAuthFor(baseURL)).toBe(auth);
  });
});
