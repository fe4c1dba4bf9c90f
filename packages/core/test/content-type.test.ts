import { describe, expect, it } from "vitest";
import { IMAGE_CONTENT_TYPES, isImageContentType, parseMimeType } from "../src/index.ts";

describe("parseMimeType", () => {
  it("parses one media type: lower-cased names, parameters, quoted values", () => {
    expect(parseMimeType("Image/PNG")).toEqual({
      type: "image",
      subtype: "png",
      essence: "image/png",
      parameters: {},
    });
    expect(parseMimeType(' text/html ; Charset="utf-8" ; q=1')).toEqual({
      type: "text",
      subtype: "html",
      essence: "text/html",
      parameters: { charset: "utf-8", q: "1" },
    });
    expect(parseMimeType('multipart/form-data; boundary="a,b;c"')?.parameters).toEqual({ boundary: "a,b;c" });
    expect(parseMimeType("application/problem+json")?.essence).toBe("application/problem+json");
  });

  it.each([
    "image/png,text/html",
    "image/png, image/svg+xml",
    "image/png; charset=utf-8, text/html",
    "image/png;a=1,text/html",
    "image/png text/html",
    "image",
    "image/",
    "/png",
    "",
    "   ",
    "image/png;=x",
    'image/png; a="unterminated',
    "image/p\u00e9ng",
    "image/png\u0000",
  ])("refuses %j (not exactly one media type)", (value) => {
    expect(parseMimeType(value)).toBeUndefined();
  });

  it("refuses a non-string", () => {
    expect(parseMimeType(null)).toBeUndefined();
    expect(parseMimeType(undefined)).toBeUndefined();
  });
});

describe("isImageContentType", () => {
  it("accepts the raster types only, whatever their case and parameters", () => {
    expect(IMAGE_CONTENT_TYPES).toEqual(["image/png", "image/jpeg", "image/webp", "image/gif"]);
    for (const type of ["image/png", "IMAGE/JPEG", "image/webp; q=1", "image/gif"]) {
      expect(isImageContentType(type)).toBe(true);
    }
  });

  it.each([
    "image/svg+xml",
    "image/png,text/html",
    "image/png, image/svg+xml",
    "text/html",
    "image/*",
    "image/x-icon",
    "",
    null,
  ])("refuses %j", (value) => {
    expect(isImageContentType(value)).toBe(false);
  });

  it("narrows to an allow-list of its caller", () => {
    expect(isImageContentType("image/gif", ["image/png"])).toBe(false);
    expect(isImageContentType("image/png", ["image/png"])).toBe(true);
  });
});
