import { describe, expect, it } from "vitest";
import { errorFromResponse, MIN_SECRET_LENGTH, redactSecrets } from "../src/index.ts";

const key = "sk-live/Ab+9_zQ7wX";
const base64 = (text: string) => btoa(text);
const base64Url = (text: string) => base64(text).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
const everyCharEncoded = (text: string) =>
  [...text].map((char) => `%${char.charCodeAt(0).toString(16).padStart(2, "0")}`).join("");

describe("redactSecrets catches the forms a secret travels in", () => {
  it.each([
    ["as it is", key],
    ["upper-cased", key.toUpperCase()],
    ["lower-cased", key.toLowerCase()],
    ["URL-encoded", encodeURIComponent(key)],
    ["URL-encoded with lower-case hex", encodeURIComponent(key).toLowerCase()],
    ["every character percent-encoded", everyCharEncoded(key)],
    ["percent-encoded twice", encodeURIComponent(encodeURIComponent(key))],
    [
      "JSON \\u escapes",
      [...key].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`).join(""),
    ],
    ["inside a URL", `https://img.example/a.png?api_key=${encodeURIComponent(key)}&exp=1`],
    ["base64", base64(key)],
    ["base64url", base64Url(key)],
    ["base64 of Bearer <key>", base64(`Bearer ${key}`)],
    ["base64 of a longer text", base64(`{"user":"x","key":"${key}","n":1}`)],
    ["base64url of a longer text", base64Url(`..${key}....`)],
  ])("%s", (_, form) => {
    const text = `before ${form} after`;
    const redacted = redactSecrets(text, [key]);
    expect(redacted).toContain("[redacted]");
    expect(redacted.startsWith("before ")).toBe(true);
    expect(redacted.endsWith(" after")).toBe(true);
    for (const offset of [0, 1, 2]) {
      const decodable = redacted.replaceAll(/[^\w+/=-]/g, " ");
      for (const run of decodable.split(" ").filter((part) => part.length >= 4)) {
        const padded = run.slice(offset).replaceAll("-", "+").replaceAll("_", "/");
        try {
          expect(atob(padded.slice(0, padded.length - (padded.length % 4)))).not.toContain(key);
        } catch (error) {
          if (!(error instanceof DOMException)) throw error;
        }
      }
    }
    expect(decodeURIComponent(decodeURIComponent(redacted.replaceAll("%", "%25")))).not.toContain(key);
  });

  it("leaves text without the secret unchanged, and redacts every occurrence", () => {
    expect(redactSecrets("nothing here, <html> and all", [key])).toBe("nothing here, <html> and all");
    expect(redactSecrets(`${key}|${key.toUpperCase()}|${encodeURIComponent(key)}`, [key])).toBe(
      "[redacted]|[redacted]|[redacted]",
    );
  });

  it("redacts what each call names, whatever the call before it named", () => {
    const other = "other-secret-123";
    const text = `${key} ${other}`;
    expect(redactSecrets(text, [key])).toBe(`[redacted] ${other}`);
    expect(redactSecrets(text, [other])).toBe(`${key} [redacted]`);
    expect(redactSecrets(text, [other, key])).toBe("[redacted] [redacted]");
    expect(redactSecrets(text, [key])).toBe(`[redacted] ${other}`);
    expect(redactSecrets(`${key}${key}`, [key])).toBe("[redacted][redacted]");
    // More lists than it keeps patterns for: each still redacts its own secret.
    const many = Array.from({ length: 40 }, (_, index) => `rotating-secret-${index}`);
    for (const secret of [...many, ...many]) {
      expect(redactSecrets(`a ${secret} b ${many[0]}`, [secret])).toBe(
        secret === many[0] ? "a [redacted] b [redacted]" : `a [redacted] b ${many[0]}`,
      );
    }
  });

  it(`ignores secrets shorter than ${MIN_SECRET_LENGTH} characters, which would mangle ordinary text`, () => {
    expect(MIN_SECRET_LENGTH).toBe(8);
    expect(redactSecrets("<html><title>t</title>", ["t", "", "html"])).toBe("<html><title>t</title>");
    expect(redactSecrets("a 12345678 b", ["12345678"])).toBe("a [redacted] b");
  });
});

describe("error bodies", () => {
  it("redact values under credential-named fields even without secrets", () => {
    const error = errorFromResponse({
      status: 400,
      body: {
        error: "bad request",
        echo: {
          Authorization: "Bearer abc",
          "api-key": "k1",
          api_key: "k2",
          "X-API-Key": "k3",
          token: 12345,
          nested: [{ apiKey: "k4" }],
          tokens_used: 3,
        },
      },
    });
    expect(error.body).toEqual({
      error: "bad request",
      echo: {
        Authorization: "[redacted]",
        "api-key": "[redacted]",
        api_key: "[redacted]",
        "X-API-Key": "[redacted]",
        token: "[redacted]",
        nested: [{ apiKey: "[redacted]" }],
        tokens_used: 3,
      },
    });
  });

  it("redact encoded echoes of a secret in message and body", () => {
    const error = errorFromResponse({
      status: 401,
      body: { error: `bad key ${encodeURIComponent(key)}`, echo: base64(`Bearer ${key}`) },
      secrets: [key],
    });
    expect(JSON.stringify(error.body)).not.toContain(base64(key).slice(4, 16));
    expect(error.message).toBe("401 bad key [redacted]");
  });

  it("read both error shapes: the service's and the worker's", () => {
    const upstream = errorFromResponse({ status: 422, body: { error: "Prompt failed safety check" } });
    const worker = errorFromResponse({
      status: 422,
      body: { error: { type: "upstream_error", message: "Prompt failed safety check", status: 422 } },
    });
    expect(worker.message).toBe(upstream.message);
    expect(worker.message).toBe("422 Prompt failed safety check");
    expect(worker.constructor).toBe(upstream.constructor);
    expect((worker as { error?: string }).error).toBe("Prompt failed safety check");
  });
});
