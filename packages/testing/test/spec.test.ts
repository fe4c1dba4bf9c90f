import { describe, expect, it } from "vitest";
import { fixtures } from "../src/index.ts";
import { readVendoredSpec, SpecAssertionError, specValidator } from "../src/spec.ts";

const PNG = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], {
  type: "image/png",
});

function form(fields: Record<string, string | Blob | (string | Blob)[]>): FormData {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const part of Array.isArray(value) ? value : [value]) body.append(key, part);
  }
  return body;
}

describe("specValidator (@ideokit/testing/spec)", () => {
  const spec = specValidator();

  it("reads the spec core vendors and is shared", () => {
    expect(readVendoredSpec().paths["/v1/ideogram-v3/generate"]).toBeDefined();
    expect(specValidator()).toBe(spec);
  });

  it("accepts the documentation's own generate request and response", () => {
    expect(spec.request("/generate", "application/json", fixtures.officialRequest)).toEqual([]);
    expect(spec.request("/generate", "application/json", JSON.stringify(fixtures.seedPageRequest))).toEqual(
      [],
    );
    expect(spec.response("/generate", 200, fixtures.officialResponse)).toEqual([]);
    expect(spec.response("/generate", 422, fixtures.officialSafetyError)).toEqual([]);
  });

  it("reports a wrong enum value with its JSON pointer", () => {
    const errors = spec.request("/generate", "application/json", {
      image_request: { prompt: "a cat", aspect_ratio: "ASPECT_7_5" },
    });
    expect(errors.map((error) => [error.instancePath, error.keyword])).toContainEqual([
      "/image_request/aspect_ratio",
      "enum",
    ]);
  });

  it("validates multipart bodies: files, coerced numbers, JSON parts, repeated parts", () => {
    const valid = form({
      image: PNG,
      mask: PNG,
      prompt: "a hat",
      num_images: "2",
      color_palette: JSON.stringify({ name: "EMBER" }),
      style_reference_images: [PNG, PNG],
    });
    expect(spec.request("/v1/ideogram-v3/edit", "multipart/form-data; boundary=x", valid)).toEqual([]);

    const invalid = form({ image: "not a file", prompt: "a hat", num_images: "many" });
    const errors = spec.request("/v1/ideogram-v3/edit", "multipart/form-data", invalid);
    expect(errors).toContainEqual(
      expect.objectContaining({ keyword: "required", params: { missingProperty: "mask" } }),
    );
    expect(errors).toContainEqual(expect.objectContaining({ instancePath: "/image", keyword: "format" }));
    expect(errors).toContainEqual(expect.objectContaining({ instancePath: "/num_images", keyword: "type" }));
  });

  it("parses the JSON parts the spec encodes as JSON (legacy remix's image_request)", () => {
    const valid = form({ image_file: PNG, image_request: JSON.stringify({ prompt: "a fox" }) });
    expect(spec.request("/remix", "multipart/form-data", valid)).toEqual([]);
    const invalid = form({ image_file: PNG, image_request: JSON.stringify({ prompt: 3 }) });
    expect(spec.request("/remix", "multipart/form-data", invalid)).toContainEqual(
      expect.objectContaining({ instancePath: "/image_request/prompt", keyword: "type" }),
    );
  });

  it("rejects a content type the path does not take, and a JSON body that is not JSON", () => {
    const [error] = spec.request("/v1/ideogram-v3/edit", "application/json", { prompt: "x" });
    expect(error?.message).toBe("/v1/ideogram-v3/edit takes multipart/form-data, not application/json");
    expect(spec.request("/generate", "application/json", "{oops")[0]?.message).toBe(
      "the body is not valid JSON",
    );
  });

  it("takes URLs and the reseller's /ideogram prefix", () => {
    const body = form({ prompt: "a cat" });
    expect(
      spec.request("https://example.test/ideogram/v1/ideogram-v3/generate?x=1", "multipart/form-data", body),
    ).toEqual([]);
    expect(() => spec.request("/v1/nope", "application/json", {})).toThrow(TypeError);
  });

  it("checks response shapes, e.g. a layerize answer needs base_image_url", () => {
    expect(spec.response("/v1/ideogram-v3/layerize-text", 200, { seed: 1, text_blocks: [] })).toContainEqual(
      expect.objectContaining({ keyword: "required", params: { missingProperty: "base_image_url" } }),
    );
    expect(spec.response("/magic-prompt", 200, { magic_prompt: "a cat, golden light" })).toEqual([]);
    expect(spec.response("/v1/ideogram-v3/edit", 400, { detail: "whatever" })).toEqual([]);
    expect(spec.response("/v1/ideogram-v3/edit", 418, {})[0]?.message).toMatch(/documents no 418 answer/);
  });

  it("asserts with a readable message that names each field", () => {
    const run = () =>
      spec.assertResponse("/generate", 200, {
        created: "2024-01-01T00:00:00+00:00",
        data: [{ prompt: 1, resolution: "1024x1024", seed: -1, is_image_safe: true }],
      });
    expect(run).toThrow(SpecAssertionError);
    expect(run).toThrow(
      /The 200 answer of \/generate does not match the OpenAPI spec:\n {2}- body\.data\.0\.prompt must be string/,
    );
    expect(run).toThrow(/body\.data\.0\.seed must be >= 0/);
  });

  it("asserts a built request: URL path, content type and body", () => {
    expect(() =>
      spec.assertHttpRequest({
        url: "https://api.ideogram.ai/v1/ideogram-v3/generate",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ prompt: "a cat", rendering_speed: "TURBO" }),
      }),
    ).not.toThrow();
    expect(() =>
      spec.assertHttpRequest({
        url: "https://api.ideogram.ai/upscale",
        headers: {},
        body: form({ image_request: "{}" }),
      }),
    ).toThrow(/must have required property 'image_file'/);
  });
});

describe("specValidator accepts what either API document shows", () => {
  it("takes the reseller page's style_type null on generate, and still rejects other values", () => {
    const spec = specValidator();
    expect(spec.response("/generate", 200, fixtures.seedPageResponse)).toEqual([]);
    const [image] = fixtures.seedPageResponse.data;
    const odd = { ...fixtures.seedPageResponse, data: [{ ...image, style_type: "WATERCOLOUR" }] };
    expect(spec.response("/generate", 200, odd)).not.toEqual([]);
  });
});

describe("OpenAPI 3.0 semantics", () => {
  it("a nullable enum takes null (as the spec's own examples show), and still refuses other values", () => {
    const spec = specValidator();
    const block = { x: 0, y: 0, width: 1, height: 1, text: "Hi", alignment: "left", formatting: [] };
    const answer = (role: unknown) => ({
      base_image_url: "https://x.test/a.png",
      seed: 1,
      text_blocks: [{ ...block, role }],
    });
    expect(spec.response("/v1/ideogram-v3/layerize-text", 200, answer(null))).toEqual([]);
    expect(spec.response("/v1/ideogram-v3/layerize-text", 200, answer("title"))).not.toEqual([]);
  });
});

describe("unknownProperties: reject", () => {
  const strict = specValidator({ unknownProperties: "reject" });

  it("names a property the spec does not list, at any depth, through allOf bases too", () => {
    const image = { prompt: "p", resolution: "1024x1024", seed: 1, is_image_safe: true, url: null };
    const answer = { created: "2024-01-01T00:00:00+00:00", data: [{ ...image, urll: "x" }] };
    expect(strict.response("/v1/ideogram-v3/generate", 200, answer)).toContainEqual(
      expect.objectContaining({ keyword: "unevaluatedProperties", params: { unevaluatedProperty: "urll" } }),
    );
    expect(specValidator().response("/v1/ideogram-v3/generate", 200, answer)).toEqual([]);
    const layered = { ...image, text_html: "<p>x</p>", image_layers: [], text_containers: null };
    const ok = { created: answer.created, data: [layered] };
    expect(strict.response("/v1/ideogram-v3/generate-design", 200, ok)).toEqual([]);
    expect(strict.response("/v1/ideogram-v3/generate-design", 200, { ...ok, extra: 1 })).not.toEqual([]);
  });

  it("checks request bodies too, JSON and multipart", () => {
    expect(
      strict.request("/generate", "application/json", { image_request: { prompt: "a", promt: "b" } }),
    ).toContainEqual(
      expect.objectContaining({ instancePath: "/image_request", params: { unevaluatedProperty: "promt" } }),
    );
    expect(strict.request("/v1/ideogram-v3/generate", "multipart/form-data", form({ prompt: "a" }))).toEqual(
      [],
    );
    expect(() =>
      strict.assertRequest(
        "/v1/ideogram-v3/generate",
        "multipart/form-data",
        form({ prompt: "a", sede: "1" }),
      ),
    ).toThrow(/body must NOT have unevaluated properties \(sede\)/);
  });
});
