import { describe, expect, it } from "vitest";
import officialRequest from "../../testing/fixtures/official-request.json" with { type: "json" };
import officialResponse from "../../testing/fixtures/official-response.json" with { type: "json" };
import officialSafetyError from "../../testing/fixtures/official-safety-error.json" with { type: "json" };
import seedRequest from "../../testing/fixtures/seed-page-request.json" with { type: "json" };
import seedResponse from "../../testing/fixtures/seed-page-response.json" with { type: "json" };
import {
  buildGenerateRequest,
  errorFromResponse,
  GenerateRequestSchema,
  GenerateResponseSchema,
  imageUrlExpiresAt,
  KKIAI,
  parseGenerateResponse,
  toResolution,
  UnprocessableEntityError,
  validateGenerateRequest,
  validateImageRequest,
} from "../src/index.ts";

describe.each([
  ["seed page", seedRequest],
  ["official spec", officialRequest],
])("the %s example request", (_source, body) => {
  it("validates, as an envelope and as an image request", () => {
    expect(validateGenerateRequest(body)).toEqual(body);
    expect(validateImageRequest(body.image_request)).toEqual(body.image_request);
    expect(GenerateRequestSchema.parse(body)).toEqual(body);
  });

  it("builds the documented body", () => {
    const request = buildGenerateRequest(validateImageRequest(body.image_request), { ...KKIAI, apiKey: "k" });
    expect(JSON.parse(request.body)).toEqual(body);
  });
});

describe.each([
  ["seed page", seedResponse],
  ["official spec", officialResponse],
])("the %s example response", (_source, body) => {
  it("parses unchanged", () => {
    expect(parseGenerateResponse(body)).toEqual(body);
    expect(GenerateResponseSchema.parse(body)).toEqual(body);
  });

  it("reports resolutions that map onto the request enum", () => {
    for (const image of parseGenerateResponse(body).data) {
      expect(toResolution(image.resolution ?? "")).toMatch(/^RESOLUTION_\d+_\d+$/);
    }
  });
});

it("keeps the seed page's null style_type", () => {
  expect(parseGenerateResponse(seedResponse).data[0]?.style_type).toBeNull();
});

it("reads the seed example URL's expiry: 2024-12-16T17:32:17Z", () => {
  const url = parseGenerateResponse(seedResponse).data[0]?.url ?? "";
  expect(imageUrlExpiresAt(url)?.toISOString()).toBe("2024-12-16T17:32:17.000Z");
});

it("turns the official safety error into an UnprocessableEntityError", () => {
  const error = errorFromResponse({ status: 422, headers: {}, body: officialSafetyError });
  expect(error).toBeInstanceOf(UnprocessableEntityError);
  expect((error as UnprocessableEntityError).error).toBe(officialSafetyError.error);
  expect(error.message).toBe(`422 ${officialSafetyError.error}`);
});
