import { describe, expect, it } from "vitest";
import {
  AUTH_SCHEMES,
  ClientOptionError,
  checkClientOptions,
  checkRequestOptions,
  errorFromResponse,
  htmlErrorSummary,
  resolveBaseURL,
  resolveCallSettings,
} from "../src/index.ts";

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ClientOptionError);
    return (error as Error).message;
  }
  throw new Error("expected a ClientOptionError");
}

describe("checkClientOptions", () => {
  it("accepts every documented value", () => {
    for (const auth of AUTH_SCHEMES) expect(() => checkClientOptions({ auth })).not.toThrow();
    expect(() =>
      checkClientOptions({ timeout: 0, maxRetries: 0, validate: "passthrough", headers: { "x-a": "1" } }),
    ).not.toThrow();
    expect(() => checkClientOptions({ timeout: Number.POSITIVE_INFINITY })).not.toThrow();
  });

  it.each([
    [
      { auth: "Api-Key" },
      'Invalid auth "Api-Key": expected "bearer", "api-key" or "none" (did you mean "api-key"?).',
    ],
    [{ auth: "token" }, 'Invalid auth "token": expected "bearer", "api-key" or "none".'],
    [{ timeout: -5 }, "Invalid timeout -5: expected milliseconds ≥ 0, or Infinity for no timeout."],
    [
      { maxRetries: 2.5 },
      "Invalid maxRetries 2.5: expected a whole number ≥ 0 (retries after the first attempt).",
    ],
    [{ headers: { "x-a": 1 } }, 'Invalid headers: "x-a" is 1, expected a string.'],
    [{ validate: "strict" }, 'Invalid validate "strict": expected true, false or "passthrough".'],
  ])("refuses %j", (options, message) => {
    expect(messageOf(() => checkClientOptions(options as never))).toBe(message);
  });

  it("checks per-call options the same way", () => {
    expect(messageOf(() => checkRequestOptions({ maxRetries: -1 }))).toMatch(/^Invalid maxRetries -1/);
  });
});

describe("resolveCallSettings", () => {
  it("fills every client's defaults", () => {
    expect(resolveCallSettings({})).toEqual({ timeout: 120_000, maxRetries: 2, validate: true });
  });

  it("keeps what the options set, zero and false included", () => {
    const options = { timeout: 0, maxRetries: 0, validate: false, apiKey: "k" } as const;
    expect(resolveCallSettings(options)).toEqual({ timeout: 0, maxRetries: 0, validate: false });
  });
});

describe("resolveBaseURL", () => {
  it("trims surrounding spaces and keeps a good URL as it is", () => {
    expect(resolveBaseURL(" https://www.kkiai.com/ideogram\n")).toBe("https://www.kkiai.com/ideogram");
    expect(resolveBaseURL("http://127.0.0.1:8787/ideogram/")).toBe("http://127.0.0.1:8787/ideogram/");
  });

  it.each([
    ["https://www.kkiai.com/ideogram/generate", "/generate", "https://www.kkiai.com/ideogram"],
    [
      "https://api.ideogram.ai/v1/ideogram-v3/generate",
      "/v1/ideogram-v3/generate",
      "https://api.ideogram.ai",
    ],
    [
      "https://api.ideogram.ai/v1/ideogram-v4/generate/",
      "/v1/ideogram-v4/generate",
      "https://api.ideogram.ai",
    ],
    ["https://api.ideogram.ai/v1", "/v1", "https://api.ideogram.ai"],
    ["https://api.ideogram.ai/magic-prompt", "/magic-prompt", "https://api.ideogram.ai"],
  ])("explains the endpoint pasted in %s", (url, endpoint, root) => {
    expect(messageOf(() => resolveBaseURL(url))).toBe(
      `Invalid baseURL "${url}": it ends with the endpoint path "${endpoint}", which the client adds itself; write "${root}".`,
    );
  });

  it.each(["ftp://example.com", "localhost:8787", "https://", "https://exa mple.com"])(
    "refuses %s",
    (url) => {
      expect(messageOf(() => resolveBaseURL(url))).toMatch(/expected an absolute http\(s\) URL/);
    },
  );

  it("keeps credentials in the URL out of the message", () => {
    const message = messageOf(() => resolveBaseURL("https://deploy:hunter2-password@proxy.example/generate"));

    expect(message).not.toContain("hunter2-password");
    expect(message).toContain('write "https://proxy.example"');
  });
});

describe("HTML error pages", () => {
  const page = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>nginx</body></html>";

  it("give their <title> to the message, the whole page to the body", () => {
    const error = errorFromResponse({ status: 502, body: page });

    expect(error.message).toBe("502 502 Bad Gateway (HTML page)");
    expect(error.body).toBe(page);
  });

  it("give the status text without a title, and leave other text alone", () => {
    expect(htmlErrorSummary("<!doctype html><p>down</p>", 503)).toBe("Service Unavailable (HTML page)");
    expect(htmlErrorSummary("<html><title>A &amp; B\n  down</title></html>")).toBe("A & B down (HTML page)");
    expect(htmlErrorSummary("upstream connect error")).toBeUndefined();
    expect(errorFromResponse({ status: 500, body: "upstream connect error" }).message).toBe(
      "500 upstream connect error",
    );
  });
});
