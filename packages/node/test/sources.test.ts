import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { examplePng, type ImageSource, RequestValidationError } from "../src/index.ts";
import { clientFor, temporaryDirectory, useEmulator } from "./helpers.ts";
import { specErrorsOf } from "./spec-check.ts";

const emulator = useEmulator();
const png = examplePng(4, 4);

/** The style reference part the emulator received for one call with `source`. */
async function uploaded(source: ImageSource) {
  const client = clientFor(emulator());
  const answer = await client.v3.generate({ prompt: "a fox", style_reference_images: [source] });
  expect(answer.data).toHaveLength(1);
  const entry = emulator().requests.find((request) => request.operation === "v3.generate")!;
  expect(specErrorsOf(entry)).toEqual([]);
  return (entry.body as Record<string, unknown>).style_reference_images as {
    name: string;
    type: string;
    size: number;
  };
}

async function pngFile(name = "style.png"): Promise<string> {
  const path = join(await temporaryDirectory(), name);
  await writeFile(path, png);
  return path;
}

describe("image sources", () => {
  it("uploads a file path under its name, typed by its bytes", async () => {
    expect(await uploaded(await pngFile("my style.png"))).toEqual({
      name: "my style.png",
      type: "image/png",
      size: png.byteLength,
    });
  });

  it("uploads a file: URL", async () => {
    expect(await uploaded(pathToFileURL(await pngFile()))).toMatchObject({
      type: "image/png",
      size: png.byteLength,
    });
  });

  it.each<[string, () => ImageSource]>([
    ["Buffer", () => Buffer.from(png)],
    ["Uint8Array", () => png],
    ["ArrayBuffer", () => png.slice().buffer],
    ["Blob", () => new Blob([png], { type: "image/png" })],
    ["web ReadableStream", () => new Blob([png]).stream()],
    ["Node Readable", () => Readable.from([png.subarray(0, 10), png.subarray(10)])],
  ])("uploads a %s", async (_, source) => {
    expect(await uploaded(source())).toMatchObject({ type: "image/png", size: png.byteLength });
  });

  it("downloads an earlier answer's image, then uploads it (ImageObject and its URL)", async () => {
    const client = clientFor(emulator());
    const earlier = await client.generate({ prompt: "a lighthouse", resolution: "RESOLUTION_1024_1024" });
    const image = earlier.data[0]!;
    const fromObject = await uploaded(image);
    const fromURL = await uploaded(image.url!);
    expect(fromObject).toMatchObject({ type: "image/png" });
    expect(fromObject.size).toBeGreaterThan(1000);
    expect(fromURL.size).toBe(fromObject.size);
  });

  it("reports every unreadable source by field and index, before any call", async () => {
    const client = clientFor(emulator());
    const dir = await temporaryDirectory();
    const error = await client.v3
      .generate({ prompt: "a fox", style_reference_images: [join(dir, "missing.png"), dir] })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues).toEqual([
      expect.objectContaining({
        path: ["style_reference_images", 0],
        code: "unreadable_file",
        message: expect.stringContaining("no such file"),
      }),
      expect.objectContaining({
        path: ["style_reference_images", 1],
        code: "unreadable_file",
        message: expect.stringContaining("is not a file"),
      }),
    ]);
    expect(emulator().requests).toHaveLength(0);
  });

  it("checks the other fields first: a bad one is reported with every unopenable source, and nothing is downloaded", async () => {
    const client = clientFor(emulator());
    const earlier = await client.generate({ prompt: "a lighthouse" });
    emulator().clear();
    const dir = await temporaryDirectory();
    const error = await client.v3
      .generate({
        prompt: "a fox",
        num_images: 0,
        style_reference_images: [earlier.data[0]!, join(dir, "missing.png")],
      })
      .catch((caught: unknown) => caught);

    expect((error as RequestValidationError).issues).toEqual([
      expect.objectContaining({ path: ["num_images"], code: "too_small" }),
      expect.objectContaining({ path: ["style_reference_images", 1], code: "unreadable_file" }),
    ]);
    expect(emulator().requests).toHaveLength(0);
  });

  it("stops reading a stream past the field's size limit", async () => {
    const client = clientFor(emulator());
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    const error = await client.v3
      .generate({ prompt: "a fox", style_reference_images: [endless] })
      .catch((caught: unknown) => caught);

    expect((error as RequestValidationError).issues).toEqual([
      expect.objectContaining({ path: ["style_reference_images", 0], code: "file_too_big" }),
    ]);
    expect(pulled).toBeLessThan(20);
    expect(emulator().requests).toHaveLength(0);
  });

  it("lets core check the bytes of a path: a text file named .png is refused before any call", async () => {
    const path = join(await temporaryDirectory(), "fake.png");
    await writeFile(path, "not an image at all");
    const client = clientFor(emulator());
    await expect(
      client.v3.generate({ prompt: "a fox", style_reference_images: [path] }),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["style_reference_images", 0], code: "invalid_file_format" })],
    });
    expect(emulator().requests).toHaveLength(0);
  });
});
