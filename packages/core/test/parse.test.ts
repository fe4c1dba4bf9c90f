import { describe, expect, it } from "vitest";
import seedResponse from "../../testing/fixtures/seed-page-response.json" with { type: "json" };
import {
  parseGenerateResponse,
  parseGenerateResponseText,
  ResponseValidationError,
  type ValidationIssue,
} from "../src/index.ts";

const image = seedResponse.data[0] as Record<string, unknown>;
const created = seedResponse.created;

function issuesOf(json: unknown): ValidationIssue[] {
  return issuesThrownBy(() => parseGenerateResponse(json));
}

function textIssuesOf(text: string): ValidationIssue[] {
  return issuesThrownBy(() => parseGenerateResponseText(text));
}

function issuesThrownBy(parse: () => unknown): ValidationIssue[] {
  try {
    parse();
  } catch (error) {
    if (error instanceof ResponseValidationError) return error.issues;
    throw error;
  }
  throw new Error("expected the response to be rejected");
}

describe("tolerated", () => {
  it.each([
    ["url null for an unsafe image", { ...image, is_image_safe: false, url: null }],
    [
      "url absent for an unsafe image",
      { is_image_safe: false, prompt: "p", resolution: "1024x1024", seed: 1 },
    ],
    ["style_type null", { ...image, style_type: null }],
    ["style_type a value", { ...image, style_type: "REALISTIC" }],
    ["upscaled_resolution present", { ...image, upscaled_resolution: "4096x4096" }],
    ["no prompt, resolution or seed", { url: "https://127.0.0.1/i.png", is_image_safe: true }],
    ["unknown fields", { ...image, nsfw_score: 0.01, extra: { nested: [1, 2] } }],
  ])("%s", (_case, item) => {
    const body = { created, data: [item], request_id: "r-1" };
    expect(parseGenerateResponse(body)).toEqual(body);
  });

  it("returns an empty data list as is", () => {
    expect(parseGenerateResponse({ created, data: [] }).data).toEqual([]);
  });
});

describe("rejected, naming the path", () => {
  it.each([
    [{ data: [image] }, ["created"], "required"],
    [{ created: 1734283920, data: [image] }, ["created"], "invalid_type"],
    [{ created }, ["data"], "required"],
    [{ created, data: image }, ["data"], "invalid_type"],
    [{ created, data: [image, "x"] }, ["data", 1], "invalid_type"],
    [{ created, data: [{ ...image, url: undefined }] }, ["data", 0, "url"], "required"],
    [{ created, data: [{ ...image, url: null }] }, ["data", 0, "url"], "required"],
    [{ created, data: [{ ...image, url: "", is_image_safe: undefined }] }, ["data", 0, "url"], "required"],
    [{ created, data: [{ ...image, url: 3 }] }, ["data", 0, "url"], "invalid_type"],
    [{ created, data: [{ ...image, seed: "1" }] }, ["data", 0, "seed"], "invalid_type"],
    [{ created, data: [{ ...image, is_image_safe: "yes" }] }, ["data", 0, "is_image_safe"], "invalid_type"],
    [{ created, data: [{ ...image, style_type: 5 }] }, ["data", 0, "style_type"], "invalid_type"],
    [{ created, data: [{ ...image, resolution: 1024 }] }, ["data", 0, "resolution"], "invalid_type"],
  ])("%j", (body, path, code) => {
    expect(issuesOf(body)).toContainEqual({ path, code, message: expect.any(String) });
  });

  it.each([null, "ok", [], 200])("rejects %j at the root", (body) => {
    expect(issuesOf(body)).toEqual([
      { path: [], code: "invalid_type", message: expect.stringMatching(/^expected a JSON object, got /) },
    ]);
  });

  it("explains everything in the message", () => {
    expect(() => parseGenerateResponse({ created, data: [{ ...image, url: null, seed: "7" }] })).toThrow(
      [
        "Unexpected generate response (2 issues):",
        '  - data[0].seed: expected a number, got "7"',
        "  - data[0].url: missing although is_image_safe is not false; a safe image must have a URL",
      ].join("\n"),
    );
  });
});

describe("parseGenerateResponseText", () => {
  it("parses the body text and returns the checked response", () => {
    const text = JSON.stringify(seedResponse);

    expect(parseGenerateResponseText(text)).toEqual(seedResponse);
  });

  it.each([
    ["an HTML error page", "<html><body>Bad gateway</body></html>"],
    ["a reply cut short", JSON.stringify(seedResponse).slice(0, 40)],
    ["an empty body", ""],
  ])("rejects %s with one invalid_json issue at the root", (_case, text) => {
    expect(textIssuesOf(text)).toEqual([
      {
        path: [],
        code: "invalid_json",
        message: expect.stringMatching(/^body is not valid JSON \(.+\); received "/),
      },
    ]);
  });

  it("quotes at most the first 80 characters of a long body", () => {
    const text = `<!doctype html>${"x".repeat(200)}`;
    const [issue] = textIssuesOf(text);

    expect(issue?.message).toContain(`received ${JSON.stringify(`${text.slice(0, 80)}…`)}`);
    expect(issue?.message).not.toContain(text.slice(0, 81));
  });

  it("checks the parsed JSON like parseGenerateResponse", () => {
    expect(textIssuesOf(JSON.stringify({ created }))).toEqual([
      { path: ["data"], code: "required", message: expect.any(String) },
    ]);
  });
});
