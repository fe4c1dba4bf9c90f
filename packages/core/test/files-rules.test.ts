import { describe, expect, it } from "vitest";
import {
  checkFileRules,
  type FileRule,
  FONT_FORMATS,
  IMAGE_FORMATS,
  MAX_CHARACTER_REFERENCE_IMAGES,
  MAX_FONT_BYTES,
  MAX_IMAGE_BYTES,
  MAX_IMAGES_PER_FIELD,
  MAX_REFERENCE_IMAGES_TOTAL_BYTES,
} from "../src/index.ts";
import {
  CountingBlob,
  font,
  gif,
  jpeg,
  padded,
  png,
  UnreadableBlob,
  webpExtended,
  webpLossy,
} from "./file-bytes.ts";

const edit: FileRule[] = [
  { field: "image_file", formats: IMAGE_FORMATS, maxBytes: MAX_IMAGE_BYTES, minCount: 1, label: "image" },
  { field: "mask", formats: IMAGE_FORMATS, maxBytes: MAX_IMAGE_BYTES, sameSizeAs: "image_file" },
];
const references: FileRule[] = [
  {
    field: "character_reference_images",
    formats: IMAGE_FORMATS,
    maxCount: MAX_CHARACTER_REFERENCE_IMAGES,
    totalMaxBytes: MAX_REFERENCE_IMAGES_TOTAL_BYTES,
  },
  {
    field: "character_reference_images_mask",
    formats: IMAGE_FORMATS,
    sameSizeAs: "character_reference_images",
  },
  {
    field: "style_reference_images",
    formats: IMAGE_FORMATS,
    totalMaxBytes: MAX_REFERENCE_IMAGES_TOTAL_BYTES,
  },
];
const editImages: FileRule[] = [
  {
    field: "images",
    formats: IMAGE_FORMATS,
    maxBytes: MAX_IMAGE_BYTES,
    minCount: 1,
    maxCount: MAX_IMAGES_PER_FIELD,
  },
];

describe("limits", () => {
  it("reads the spec's 10MB and 5MB as binary megabytes", () => {
    expect(MAX_IMAGE_BYTES).toBe(10_485_760);
    expect(MAX_REFERENCE_IMAGES_TOTAL_BYTES).toBe(10_485_760);
    expect(MAX_FONT_BYTES).toBe(5_242_880);
    expect([...IMAGE_FORMATS]).toEqual(["png", "jpeg", "webp"]);
    expect([...FONT_FORMATS]).toEqual(["ttf", "otf", "woff", "woff2"]);
  });
});

describe("checkFileRules", () => {
  it("accepts valid files of every kind of FileInput", async () => {
    const image = png(1024, 768);
    const inputs = [
      { image_file: image, mask: jpeg(1024, 768) },
      { image_file: image.buffer as ArrayBuffer, mask: webpLossy(1024, 768) },
      {
        image_file: new File([image], "a.png"),
        mask: { data: new Blob([webpExtended(1024, 768)]), name: "m" },
      },
      { image_file: { data: image, type: "image/png" } },
    ];
    for (const input of inputs) expect(await checkFileRules(input, edit)).toEqual([]);
  });

  it("names a wrong format by its magic bytes, whatever the declared type", async () => {
    const issues = await checkFileRules(
      { image_file: { data: gif(4, 4), type: "image/png", name: "a.png" } },
      edit,
    );
    expect(issues).toEqual([
      { path: ["image_file"], code: "invalid_file_format", message: "is a GIF; send a PNG, JPEG or WebP" },
    ]);
  });

  it("refuses content of no known format, and an image where a font belongs", async () => {
    const rules: FileRule[] = [
      { field: "image", formats: IMAGE_FORMATS },
      { field: "font_file_h1", formats: FONT_FORMATS, maxBytes: MAX_FONT_BYTES },
    ];
    const issues = await checkFileRules(
      { image: new TextEncoder().encode("<svg/>"), font_file_h1: png(1, 1) },
      rules,
    );
    expect(issues).toEqual([
      {
        path: ["image"],
        code: "invalid_file_format",
        message: "is not a file of a known format; send a PNG, JPEG or WebP",
      },
      {
        path: ["font_file_h1"],
        code: "invalid_file_format",
        message: "is a PNG; send a TTF, OTF, WOFF or WOFF2",
      },
    ]);
    expect(await checkFileRules({ font_file_h1: font("otf") }, rules)).toEqual([]);
  });

  it("allows exactly the limit and refuses one byte more, saying the size and the limit", async () => {
    const atLimit = padded(png(8, 8), MAX_IMAGE_BYTES - png(8, 8).length);
    expect(atLimit.size).toBe(MAX_IMAGE_BYTES);
    expect(await checkFileRules({ image_file: atLimit }, edit)).toEqual([]);
    const over = padded(png(8, 8), MAX_IMAGE_BYTES - png(8, 8).length + 1);
    expect(await checkFileRules({ image_file: over }, edit)).toEqual([
      {
        path: ["image_file"],
        code: "file_too_big",
        message: "is 10485761 bytes; the limit is 10485760 bytes",
      },
    ]);
    const big = padded(jpeg(8, 8), 12 * 1024 * 1024);
    expect(await checkFileRules({ image_file: big }, edit)).toEqual([
      { path: ["image_file"], code: "file_too_big", message: "is 12 MB; the limit is 10 MB" },
    ]);
  });

  it("refuses a mask of another size than the image", async () => {
    const issues = await checkFileRules({ image_file: png(1024, 768), mask: png(512, 512) }, edit);
    expect(issues).toEqual([
      {
        path: ["mask"],
        code: "size_mismatch",
        message: "is 512×512 but image is 1024×768; it must be the same size",
      },
    ]);
  });

  it("compares list fields index by index", async () => {
    const issues = await checkFileRules(
      {
        character_reference_images: [webpLossy(640, 480)],
        character_reference_images_mask: [png(480, 640)],
      },
      references,
    );
    expect(issues).toEqual([
      {
        path: ["character_reference_images_mask", 0],
        code: "size_mismatch",
        message: "is 480×640 but character_reference_images[0] is 640×480; it must be the same size",
      },
    ]);
  });

  it("pairs list fields: one mask for each reference image", async () => {
    const two = {
      character_reference_images: [png(8, 8)],
      character_reference_images_mask: [png(8, 8), png(8, 8)],
    };
    expect(await checkFileRules(two, references)).toEqual([
      {
        path: ["character_reference_images_mask"],
        code: "too_many_files",
        message: "has 2 files but character_reference_images has 1; send one for each",
      },
    ]);
    const paired = { character_reference_images: [jpeg(8, 8)], character_reference_images_mask: [png(8, 8)] };
    expect(await checkFileRules(paired, references)).toEqual([]);
  });

  it("counts files: required, too few and too many", async () => {
    expect(await checkFileRules({}, edit)).toEqual([
      { path: ["image_file"], code: "required", message: "required; send a PNG, JPEG or WebP" },
    ]);
    expect(await checkFileRules({ images: [] }, editImages)).toEqual([
      { path: ["images"], code: "too_few_files", message: "has 0 files; send at least 1" },
    ]);
    const eleven = Array.from({ length: 11 }, () => png(2, 2));
    const issues = await checkFileRules(
      { images: eleven, character_reference_images: [png(2, 2), png(2, 2)] },
      [...references, ...editImages],
    );
    expect(issues).toEqual([
      {
        path: ["character_reference_images"],
        code: "too_many_files",
        message: "has 2 files; at most 1 accepted",
      },
      { path: ["images"], code: "too_many_files", message: "has 11 files; at most 10 accepted" },
    ]);
  });

  it("limits the total size of a set", async () => {
    const six = padded(png(4, 4), 6 * 1024 * 1024);
    const issues = await checkFileRules({ style_reference_images: [six, six] }, references);
    expect(issues).toEqual([
      {
        path: ["style_reference_images"],
        code: "file_too_big",
        message: "the 2 files total 12 MB; the limit is 10 MB across all of them",
      },
    ]);
  });

  it("reports empty, cut-short, unreadable and non-file values by index", async () => {
    const issues = await checkFileRules(
      {
        images: [
          new Uint8Array(0),
          png(9, 9).subarray(0, 20),
          new UnreadableBlob(["x".repeat(64)]),
          "a.png",
          png(2, 2),
        ],
      },
      editImages,
    );
    expect(issues).toEqual([
      { path: ["images", 0], code: "empty_file", message: "is empty (0 bytes); send a PNG, JPEG or WebP" },
      {
        path: ["images", 1],
        code: "unreadable_file",
        message: "is cut short or damaged: its PNG header states no size",
      },
      { path: ["images", 2], code: "unreadable_file", message: "could not be read: the file was moved" },
      {
        path: ["images", 3],
        code: "invalid_type",
        message: 'must be a Blob, File, Uint8Array, ArrayBuffer or { data, name?, type? }, got "a.png"',
      },
    ]);
  });

  it("reports every problem of every field at once", async () => {
    const issues = await checkFileRules(
      {
        image_file: padded(gif(10, 10), 11 * 1024 * 1024),
        mask: jpeg(5, 5, { exifBytes: 100 }).subarray(0, 30),
        images: [font("woff"), png(1, 1)],
      },
      [...edit, ...editImages],
    );
    expect(issues.map((issue) => [issue.path.join("."), issue.code])).toEqual([
      ["image_file", "invalid_file_format"],
      ["image_file", "file_too_big"],
      ["mask", "unreadable_file"],
      ["images.0", "invalid_file_format"],
    ]);
  });

  it("reads only the headers of large Blobs", async () => {
    const image = new CountingBlob([jpeg(2000, 1000, { exifBytes: 70_000 }), new Uint8Array(2_000_000)]);
    const mask = new CountingBlob([png(2000, 1000), new Uint8Array(2_000_000)]);
    expect(await checkFileRules({ image_file: image, mask }, edit)).toEqual([]);
    expect(image.sliced + mask.sliced).toBeLessThan(32 * 1024);
  });
});
