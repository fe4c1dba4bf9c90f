import { describe, expect, it } from "vitest";
import { type FileInput, readImageSize, SNIFF_BYTES, sniffFileType } from "../src/index.ts";
import {
  CountingBlob,
  font,
  gif,
  jpeg,
  padded,
  png,
  webpExtended,
  webpLossless,
  webpLossy,
} from "./file-bytes.ts";

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

describe("sniffFileType", () => {
  it.each([
    ["png", png(1, 1)],
    ["jpeg", jpeg(1, 1)],
    ["webp", webpLossy(1, 1)],
    ["webp", webpLossless(1, 1)],
    ["webp", webpExtended(1, 1)],
    ["gif", gif(1, 1)],
    ["ttf", font("ttf")],
    ["ttf", text("true\0\0\0\0")],
    ["otf", font("otf")],
    ["woff", font("woff")],
    ["woff2", font("woff2")],
  ] as const)("tells %s by its magic bytes, from the first SNIFF_BYTES", (format, bytes) => {
    expect(sniffFileType(bytes.subarray(0, SNIFF_BYTES))).toBe(format);
  });

  it.each([
    ["text", text("<html><body>")],
    ["a RIFF that is not WebP", text("RIFF\x10\0\0\0WAVEfmt ")],
    ["a cut-off signature", png(1, 1).subarray(0, 5)],
    ["nothing", new Uint8Array(0)],
  ])("recognises no format in %s", (_, bytes) => {
    expect(sniffFileType(bytes)).toBeUndefined();
  });
});

describe("readImageSize", () => {
  it.each([
    ["PNG", png(1024, 768)],
    ["baseline JPEG", jpeg(1024, 768)],
    ["progressive JPEG (SOF2)", jpeg(1024, 768, { sof: 0xc2 })],
    ["lossy WebP", webpLossy(1024, 768)],
    ["lossless WebP", webpLossless(1024, 768)],
    ["extended WebP", webpExtended(1024, 768)],
    ["GIF", gif(1024, 768)],
  ])("reads a %s header", async (_, bytes) => {
    expect(await readImageSize(bytes)).toEqual({ width: 1024, height: 768 });
  });

  it("reads the largest sizes each header can state", async () => {
    expect(await readImageSize(webpLossless(16384, 16384))).toEqual({ width: 16384, height: 16384 });
    expect(await readImageSize(webpExtended(2 ** 24, 3))).toEqual({ width: 2 ** 24, height: 3 });
    expect(await readImageSize(jpeg(65535, 1))).toEqual({ width: 65535, height: 1 });
    expect(await readImageSize(png(2 ** 31 - 1, 2))).toEqual({ width: 2 ** 31 - 1, height: 2 });
  });

  it("accepts every kind of FileInput", async () => {
    const bytes = png(640, 480);
    const inputs: FileInput[] = [
      bytes,
      bytes.buffer as ArrayBuffer,
      new Blob([bytes]),
      new File([bytes], "photo.png", { type: "image/png" }),
      { data: bytes, name: "photo.png" },
      { data: new Blob([bytes]), type: "image/png" },
    ];
    for (const input of inputs) expect(await readImageSize(input)).toEqual({ width: 640, height: 480 });
  });

  it("reads a view at its own offset, not its buffer's start", async () => {
    const bytes = png(12, 34);
    const inner = new Uint8Array(bytes.length + 7);
    inner.set(bytes, 7);
    expect(await readImageSize(inner.subarray(7))).toEqual({ width: 12, height: 34 });
  });

  it("skips a 70 kB EXIF block before the SOF without reading it", async () => {
    const bytes = jpeg(4032, 3024, { exifBytes: 70_000 });
    const blob = new CountingBlob([bytes]);
    expect(await readImageSize(blob)).toEqual({ width: 4032, height: 3024 });
    expect(blob.size).toBeGreaterThan(70_000);
    expect(blob.sliced).toBeLessThan(16 * 1024);
  });

  it("reads only the first window of a large PNG Blob", async () => {
    const blob = new CountingBlob([png(800, 600), new Uint8Array(1_000_000)]);
    expect(await readImageSize(blob)).toEqual({ width: 800, height: 600 });
    expect(blob.sliced).toBeLessThanOrEqual(4096);
  });

  it.each([
    ["a PNG cut before its IHDR", png(10, 10).subarray(0, 20)],
    ["a JPEG cut inside its EXIF block", jpeg(10, 10, { exifBytes: 9000 }).subarray(0, 5000)],
    [
      "a JPEG cut inside its frame header",
      (() => {
        const bytes = jpeg(10, 10);
        const sof = bytes.findIndex((byte, index) => byte === 0xff && bytes[index + 1] === 0xc0);
        return bytes.subarray(0, sof + 6);
      })(),
    ],
    ["a lossy WebP cut after the chunk header", webpLossy(10, 10).subarray(0, 22)],
    ["a GIF cut in its screen descriptor", gif(10, 10).subarray(0, 8)],
    ["a PNG stating a zero width", png(0, 10)],
    ["a font", font("woff2")],
    ["text", text("not an image at all")],
    ["an empty file", new Uint8Array(0)],
  ])("gives undefined for %s", async (_, bytes) => {
    expect(await readImageSize(bytes)).toBeUndefined();
    expect(await readImageSize(new Blob([bytes as Uint8Array<ArrayBuffer>]))).toBeUndefined();
  });

  it("gives undefined for a JPEG whose scan starts before any frame header", async () => {
    const bytes = Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0x00, 0x00, 0xff, 0xd9]);
    expect(await readImageSize(bytes)).toBeUndefined();
  });

  it("reads a large file in a Blob without loading it", async () => {
    const blob = padded(webpExtended(300, 200), 5_000_000);
    expect(await readImageSize(blob)).toEqual({ width: 300, height: 200 });
  });
});
