import {
  exampleInput,
  examplePng,
  OPERATIONS,
  readImageSize,
  type Size,
  type TableOperation,
} from "@ideokit/core";
import { describe, expect, it } from "vitest";
import { createEmulator, type Emulator, readPngInfo, SAFETY_REJECTION_MESSAGE } from "../src/index.ts";
import { specValidator } from "../src/spec.ts";
import { decodePng } from "./support/decode-png.ts";
import { download, ORIGIN } from "./support/requests.ts";

// Every operation of core's table, sent as core builds it, answered as the spec describes.

type Operation = TableOperation;
type Input = Record<string, unknown>;

const operations: readonly Operation[] = OPERATIONS;

const spec = specValidator({ unknownProperties: "reject" });
/** Input images of a size of their own (not 1:1, not a service size), so "keeps the size" shows. */
const INPUT_SIZE: Size = { width: 96, height: 64 };

function fileFields(operation: Operation): string[] {
  return Object.entries(operation.fields)
    .filter(([, field]) => field.kind === "file" || field.kind === "file-list")
    .map(([name]) => name);
}

/** The table's example input with every image replaced by one of {@link INPUT_SIZE} (fonts stay). */
function example(operation: Operation, variant: "minimal" | "full"): Input {
  const input = { ...(exampleInput(operation as never, variant) as Input) };
  const sized = () => new Blob([examplePng(INPUT_SIZE.width, INPUT_SIZE.height)], { type: "image/png" });
  for (const name of fileFields(operation)) {
    const value = input[name];
    const isImage = (file: unknown) => file instanceof Blob && file.type === "image/png";
    if (Array.isArray(value)) input[name] = value.map((file) => (isImage(file) ? sized() : file));
    else if (isImage(value)) input[name] = sized();
  }
  return input;
}

/** Sends `input` as core builds it (checked against the spec's request schema unless it is meant to be invalid). */
async function send(
  emulator: Emulator,
  operation: Operation,
  input: Input,
  headers: Record<string, string> = {},
  valid = true,
) {
  const request = operation.build(input as never, {
    baseURL: ORIGIN,
    auth: "bearer",
    apiKey: emulator.apiKey,
  });
  if (valid) spec.assertHttpRequest(request);
  return emulator.fetch(request.url, {
    method: request.method,
    headers: { ...request.headers, ...headers },
    body: request.body,
  });
}

async function ok(emulator: Emulator, operation: Operation, input: Input): Promise<Record<string, unknown>> {
  const response = await send(emulator, operation, input);
  if (response.status !== 200)
    throw new Error(`${operation.id}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** The size each operation implies for its answer's pictures, from its input. */
function impliedSize(operation: Operation, input: Input): Size | undefined {
  const resolution = /^(?:RESOLUTION_)?(\d+)[_x](\d+)$/.exec(String(input.resolution));
  if (operation.id === "upscale") return { width: INPUT_SIZE.width * 2, height: INPUT_SIZE.height * 2 };
  if (resolution) return { width: Number(resolution[1]), height: Number(resolution[2]) };
  if (input.aspect_ratio !== undefined) return undefined; // checked through the stated resolution
  const takesImage = fileFields(operation).some(
    (name) => input[name] instanceof Blob || Array.isArray(input[name]),
  );
  const imageInput = takesImage && !/generate|graphic/i.test(operation.id);
  return imageInput ? INPUT_SIZE : { width: 1024, height: 1024 };
}

function imagesOf(body: Record<string, unknown>): { url: string | null; resolution: string }[] {
  return (body.data as { url: string | null; resolution: string }[] | undefined) ?? [];
}

describe("every operation of the table", () => {
  it("routes each path, with and without /ideogram, to its operation (401 without a key, never 404)", async () => {
    const emulator = createEmulator();
    for (const operation of operations) {
      for (const path of [operation.path, `/ideogram${operation.path}`]) {
        expect((await emulator.fetch(`${ORIGIN}${path}`, { method: "POST", body: "{}" })).status, path).toBe(
          401,
        );
        expect(emulator.requests.at(-1)?.operation).toBe(operation.id);
        expect((await emulator.fetch(`${ORIGIN}${path}`)).status, path).toBe(405);
      }
    }
  });

  for (const operation of operations) {
    describe(`${operation.id} (POST ${operation.path})`, () => {
      it.each(["minimal", "full"] as const)(
        "answers a %s input with a 200 the spec accepts",
        async (variant) => {
          const emulator = createEmulator();
          const input = example(operation, variant);
          const body = await ok(emulator, operation, input);
          spec.assertResponse(operation.path, 200, body);
          expect(operation.safeParse(body).success).toBe(true);
          expect(emulator.requests.at(-1)?.operation).toBe(operation.id);

          const expected = impliedSize(operation, input);
          for (const [index, image] of imagesOf(body).entries()) {
            const bytes = await download(emulator, image.url!);
            // The first picture is decoded in full (a strict, independent decoder); the header
            // tells the rest's size and colour type.
            const { width, height, colorType } = readPngInfo(bytes);
            if (index === 0) expect(decodePng(bytes)).toMatchObject({ width, height });
            if (expected !== undefined) expect({ width, height }).toEqual(expected);
            expect([
              image.resolution,
              (image as { upscaled_resolution?: string }).upscaled_resolution,
            ]).toContain(`${width}x${height}`);
            expect(colorType).toBe(operation.id === "v3.generateTransparent" ? 6 : 2);
          }
        },
      );

      it("answers the same path under /ideogram", async () => {
        const emulator = createEmulator();
        const request = operation.build(example(operation, "minimal") as never, {
          baseURL: `${ORIGIN}/ideogram`,
          auth: "bearer",
          apiKey: emulator.apiKey,
        });
        const response = await emulator.fetch(request.url, request);
        expect(response.status).toBe(200);
        spec.assertResponse(operation.path, 200, await response.json());
      });

      for (const name of operation.fieldNames.filter((field) => operation.fields[field]?.required)) {
        it(`answers 400 naming ${name} when it is missing`, async () => {
          const input = example(operation, "minimal");
          delete input[name];
          const response = await send(createEmulator(), operation, input, {}, false);
          expect(response.status).toBe(400);
          expect(((await response.json()) as { detail: string }).detail).toContain(name);
        });
      }

      if (operation.fields.prompt !== undefined) {
        it("answers 422 with the service's safety error for a blocked word in the prompt", async () => {
          const response = await send(createEmulator(), operation, {
            ...example(operation, "minimal"),
            prompt: "an NSFW scene",
          });
          expect(response.status).toBe(422);
          expect(await response.json()).toEqual({ error: SAFETY_REJECTION_MESSAGE });
        });
      }

      const files = fileFields(operation).filter((name) => operation.fields[name]?.required);
      if (files.length > 0) {
        it(`answers 400 naming ${files[0]} when it is not an accepted file format`, async () => {
          const input = example(operation, "minimal");
          const bogus = new Blob([new TextEncoder().encode("<html>not an image</html>")], {
            type: "image/png",
          });
          input[files[0]!] = operation.fields[files[0]!]?.kind === "file-list" ? [bogus] : bogus;
          const response = await send(createEmulator(), operation, input, {}, false);
          expect(response.status).toBe(400);
          expect(((await response.json()) as { detail: string }).detail).toContain(files[0]);
        });
      }
    });
  }
});

describe("what each answer implies", () => {
  const byId = (id: string) => operations.find((operation) => operation.id === id)!;

  it("generate-transparent answers RGBA pictures: clear corners, an opaque middle", async () => {
    const emulator = createEmulator();
    const operation = byId("v3.generateTransparent");
    const body = await ok(emulator, operation, example(operation, "minimal"));
    const png = decodePng(await download(emulator, imagesOf(body)[0]!.url!));
    const alpha = (x: number, y: number) => png.pixels[(y * png.width + x) * 4 + 3];
    expect([alpha(0, 0), alpha(png.width - 1, png.height - 1)]).toEqual([0, 0]);
    expect(alpha(png.width >> 1, png.height >> 1)).toBe(255);
  });

  it("upscale_factor multiplies a transparent picture, within the 4096 px cap", async () => {
    const emulator = createEmulator();
    const operation = byId("v3.generateTransparent");
    const body = await ok(emulator, operation, {
      prompt: "a glass",
      upscale_factor: "X4",
      aspect_ratio: "1x1",
    });
    expect((imagesOf(body)[0] as { upscaled_resolution?: string }).upscaled_resolution).toBe("4096x4096");
  });

  it("edit keeps the size of the image it is given, whatever it is", async () => {
    const emulator = createEmulator();
    const operation = byId("v3.edit");
    const input = example(operation, "minimal");
    const tall = new Blob([examplePng(64, 160)], { type: "image/png" });
    const body = await ok(emulator, operation, { ...input, image: tall, mask: tall });
    const png = decodePng(await download(emulator, imagesOf(body)[0]!.url!));
    expect(await readImageSize(tall)).toEqual({ width: png.width, height: png.height });
  });

  it("an unsafe word answers 200 with is_image_safe false and no URL on a 3.0 route too, as the spec allows", async () => {
    const operation = byId("v3.edit");
    const body = await ok(createEmulator({ unsafeWords: ["gore"] }), operation, {
      ...example(operation, "minimal"),
      prompt: "gore and glory",
    });
    spec.assertResponse(operation.path, 200, body);
    expect(imagesOf(body)[0]).toMatchObject({ is_image_safe: false, url: null });
  });

  it("describe is deterministic per file: the same bytes, the same words; other bytes, other words", async () => {
    const emulator = createEmulator();
    const operation = byId("describe");
    const describe = async (width: number) => {
      const body = await ok(emulator, operation, {
        image_file: new Blob([examplePng(width, 32)], { type: "image/png" }),
      });
      return (body.descriptions as { text: string }[])[0]!.text;
    };
    const texts = [
      await describe(32),
      await describe(32),
      await describe(48),
      await describe(80),
      await describe(96),
    ];
    expect(texts[1]).toBe(texts[0]);
    expect(new Set(texts.slice(1)).size).toBeGreaterThan(1);
  });

  it("magic-prompt enhances the prompt deterministically", async () => {
    const emulator = createEmulator();
    const operation = byId("magicPrompt");
    const input = example(operation, "minimal");
    const first = (await ok(emulator, operation, input)).magic_prompt as string;
    expect(first.startsWith(String(input.prompt).trim())).toBe(true);
    expect(first.length).toBeGreaterThan(String(input.prompt).length + 20);
    expect((await ok(emulator, operation, input)).magic_prompt).toBe(first);
  });

  it("layerize-text answers downloadable base and original images of the input's size, and text blocks inside them", async () => {
    const emulator = createEmulator();
    const operation = byId("v3.layerizeText");
    const body = await ok(emulator, operation, example(operation, "minimal"));
    for (const url of [body.base_image_url, body.original_image_url] as string[]) {
      const png = decodePng(await download(emulator, url));
      expect({ width: png.width, height: png.height }).toEqual(INPUT_SIZE);
    }
    const blocks = body.text_blocks as { x: number; y: number; width: number; height: number }[];
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      expect(block.x + block.width).toBeLessThanOrEqual(INPUT_SIZE.width);
      expect(block.y + block.height).toBeLessThanOrEqual(INPUT_SIZE.height);
    }
  });

  it("generate-design lays out the prompt's quoted text and one image layer per reference asset", async () => {
    const emulator = createEmulator();
    const operation = byId("v3.generateDesign");
    const asset = new Blob([examplePng(8, 8)], { type: "image/png" });
    const body = await ok(emulator, operation, {
      prompt: 'A poster that says "Summer Fair" in bold letters',
      reference_asset_images: [asset, asset],
    });
    const [image] = body.data as {
      text_containers: { items: { spans: { text: string }[] }[] }[];
      image_layers: unknown[];
    }[];
    expect(image!.text_containers[0]!.items[0]!.spans[0]!.text).toBe("Summer Fair");
    expect(image!.image_layers).toHaveLength(2);
  });
});
