import { describe, expect, it } from "vitest";
import {
  assertImageContentType,
  downloadableImageUrl,
  IdeogramError,
  ImageDownloadError,
  urlWithoutQuery,
} from "../src/index.ts";

const signed =
  "https://ideogram.ai/api/images/ephemeral/WkoxvqiOTaaCqG1nO2tQoA.png?exp=1734370337&sig=110fe96d";
const unsigned = "https://ideogram.ai/api/images/ephemeral/WkoxvqiOTaaCqG1nO2tQoA.png";
const beforeExpiry = new Date("2024-12-16T17:32:16.999Z");
const atExpiry = new Date("2024-12-16T17:32:17.000Z");

/** What `check` threw, failing the test when it did not throw an ImageDownloadError. */
function downloadErrorOf(check: () => unknown): ImageDownloadError {
  try {
    check();
  } catch (error) {
    if (error instanceof ImageDownloadError) return error;
    throw error;
  }
  throw new Error("expected an ImageDownloadError");
}

describe("downloadableImageUrl", () => {
  it("returns the URL of an image object or of a URL string while it is valid", () => {
    expect(downloadableImageUrl({ url: signed, is_image_safe: true }, beforeExpiry)).toBe(signed);
    expect(downloadableImageUrl(signed, beforeExpiry)).toBe(signed);
    expect(downloadableImageUrl("/ideogram/images/a.png?exp=1734370337", beforeExpiry)).toBe(
      "/ideogram/images/a.png?exp=1734370337",
    );
    expect(downloadableImageUrl(unsigned)).toBe(unsigned);
  });

  it.each([
    ["a null url", { url: null, is_image_safe: false }],
    ["no url at all", { is_image_safe: false }],
    ["an empty string", ""],
  ])("refuses %s as no-url", (_case, image) => {
    const error = downloadErrorOf(() => downloadableImageUrl(image));

    expect(error).toBeInstanceOf(IdeogramError);
    expect(error.name).toBe("ImageDownloadError");
    expect(error.reason).toBe("no-url");
    expect(error.url).toBeUndefined();
    expect(error.message).toMatch(/no URL .*unsafe/);
  });

  it("refuses a URL from its exp second on, naming the time, without the signature", () => {
    const error = downloadErrorOf(() => downloadableImageUrl({ url: signed }, atExpiry));

    expect(error.reason).toBe("expired");
    expect(error.message).toContain("expired at 2024-12-16T17:32:17.000Z");
    expect(error.message).toContain(unsigned);
    expect(error.message).not.toContain("sig=");
    expect(error.url).toBe(unsigned);
  });

  it("compares with the current time by default", () => {
    expect(downloadErrorOf(() => downloadableImageUrl(signed)).reason).toBe("expired");
  });
});

describe("assertImageContentType", () => {
  it.each(["image/png", "image/jpeg; charset=binary", "IMAGE/WEBP"])("accepts %s", (type) => {
    expect(() => assertImageContentType(type, signed)).not.toThrow();
  });

  it.each([
    ["text/html; charset=utf-8", '"text/html; charset=utf-8"'],
    ["application/json", '"application/json"'],
    ["", '"none"'],
    [null, '"none"'],
    [undefined, '"none"'],
  ])("refuses %j as content-type, quoting it", (type, quoted) => {
    const error = downloadErrorOf(() => assertImageContentType(type, signed));

    expect(error.reason).toBe("content-type");
    expect(error.message).toBe(`Expected an image from ${unsigned} but got content-type ${quoted}.`);
    expect(error.url).toBe(unsigned);
  });
});

describe("urlWithoutQuery", () => {
  it("drops the query and keeps everything before it", () => {
    expect(urlWithoutQuery(signed)).toBe(unsigned);
    expect(urlWithoutQuery(unsigned)).toBe(unsigned);
    expect(urlWithoutQuery("/images/a.png?")).toBe("/images/a.png");
  });
});

describe("ImageDownloadError", () => {
  it("keeps the reason and strips the query from the URL it is given", () => {
    const error = new ImageDownloadError("content-type", "not an image", signed);

    expect(error).toMatchObject({ name: "ImageDownloadError", reason: "content-type", url: unsigned });
    expect(error.message).toBe("not an image");
  });
});
