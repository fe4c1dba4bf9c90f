import { readdir, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { createManualClock } from "@ideokit/testing";
import { startEmulator } from "@ideokit/testing/node";
import { describe, expect, it, onTestFinished } from "vitest";
import { APIConnectionError, ImageDownloadError, PermissionDeniedError } from "../src/index.ts";
import { API_KEY, clientFor, temporaryDirectory, useEmulator } from "./helpers.ts";

const emulator = useEmulator({ unsafeWords: ["forbidden"] });
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function emulatorBytes(url: string): Promise<Buffer> {
  return Buffer.from(await (await fetch(url)).arrayBuffer());
}

describe("saveImages", () => {
  it("streams each image to <seed>-<index>.png with the emulator's exact bytes", async () => {
    const dir = await temporaryDirectory();
    const client = clientFor(emulator());
    const response = await client.generate({ prompt: "a fox", num_images: 3, seed: 1234 });
    const saved: number[] = [];
    const result = await client.saveImages(response, dir, {
      concurrency: 2,
      onSaved: ({ index }) => saved.push(index),
    });

    expect(result.paths).toEqual([0, 1, 2].map((index) => join(dir, `1234-${index}.png`)));
    expect(result.skipped).toEqual([]);
    expect(saved.sort()).toEqual([0, 1, 2]);
    for (const [index, path] of result.paths.entries()) {
      const bytes = await readFile(path);
      expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      expect(bytes.equals(await emulatorBytes(response.data[index]!.url!))).toBe(true);
    }
    expect(await readdir(dir)).toHaveLength(3);
  });

  it("never overwrites: a second save of the same response gets new names", async () => {
    const dir = await temporaryDirectory();
    const client = clientFor(emulator());
    const response = await client.generate({ prompt: "a fox", seed: 7 });
    await writeFile(join(dir, "7-0-1.png"), "mine");
    const first = await client.saveImages(response, dir);
    const second = await client.saveImages(response, dir);

    expect(first.paths).toEqual([join(dir, "7-0.png")]);
    expect(second.paths).toEqual([join(dir, "7-0-2.png")]);
    expect(await readFile(join(dir, "7-0-1.png"), "utf8")).toBe("mine");
  });

  it("skips and reports unsafe images (url null) instead of failing", async () => {
    const dir = await temporaryDirectory();
    const client = clientFor(emulator());
    const response = await client.generate({ prompt: "a forbidden fox", num_images: 2 });
    const result = await client.saveImages(response, dir);

    expect(result).toEqual({
      paths: [],
      saved: [],
      skipped: [
        { index: 0, reason: "unsafe" },
        { index: 1, reason: "unsafe" },
      ],
    });
    expect(emulator().requests).toHaveLength(1);
  });

  it("leaves no partial or temporary file when a download breaks mid-stream", async () => {
    const dir = await temporaryDirectory();
    // The emulator sends half the bytes and then either drops the socket or stalls under a full
    // content-length; the short timeout turns a stall into APITimeoutError (an APIConnectionError).
    const client = clientFor(emulator(), { maxRetries: 0, timeout: 300 });
    const response = await client.generate({ prompt: "a fox" });
    emulator().faults.next(1, "truncated", { on: "images" });

    await expect(client.saveImages(response, dir)).rejects.toBeInstanceOf(APIConnectionError);
    expect(await readdir(dir)).toEqual([]);
  });

  it("refuses expired URLs before requesting any image", async () => {
    const clock = createManualClock(Date.UTC(2020, 0, 1));
    const stale = await startEmulator({ apiKey: API_KEY, clock: clock.now, imageTtlSeconds: 60 });
    onTestFinished(() => stale.close());
    const dir = await temporaryDirectory();
    const client = clientFor(stale);
    const response = await client.generate({ prompt: "a fox" });
    const error = await client.saveImages(response, dir).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ImageDownloadError);
    expect(error).toMatchObject({ reason: "expired" });
    expect((error as Error).message).toMatch(/expired at 2020-01-01T00:01:00\.000Z/);
    expect(stale.requests.map((request) => request.path)).toEqual(["/generate"]);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe("downloadImage", () => {
  it("returns a web stream of the image bytes", async () => {
    const client = clientFor(emulator());
    const [image] = (await client.generate({ prompt: "a fox" })).data;
    const stream = await client.downloadImage(image!);
    const bytes = Buffer.from(await new Response(stream).arrayBuffer());

    expect(bytes.equals(await emulatorBytes(image!.url!))).toBe(true);
  });

  it("releases the download when the reader cancels early", async () => {
    const client = clientFor(emulator());
    const [image] = (await client.generate({ prompt: "a fox" })).data;
    const reader = (await client.downloadImage(image!)).getReader();
    const first = await reader.read();
    await reader.cancel();

    expect([...(first.value ?? []).slice(0, 8)]).toEqual(PNG_SIGNATURE);
    await expect(reader.closed).resolves.toBeUndefined();
  });

  it("never sends the API key to the image host", async () => {
    const client = clientFor(emulator());
    const [image] = (await client.generate({ prompt: "a fox" })).data;
    await new Response(await client.downloadImage(image!.url!)).arrayBuffer();

    const imageRequest = emulator().requests[1];
    expect(imageRequest?.method).toBe("GET");
    expect(JSON.stringify(imageRequest?.headers)).not.toContain(API_KEY);
  });

  it("maps a refused image to the API error class", async () => {
    const client = clientFor(emulator());
    const [image] = (await client.generate({ prompt: "a fox" })).data;
    const tampered = image!.url!.replace(
      /sig=[0-9a-f]/,
      (match) => `${match.slice(0, -1)}${match.endsWith("0") ? "1" : "0"}`,
    );

    await expect(client.downloadImage(tampered)).rejects.toBeInstanceOf(PermissionDeniedError);
  });

  it("refuses an image without a URL", async () => {
    await expect(
      clientFor(emulator()).downloadImage({ url: null, is_image_safe: false }),
    ).rejects.toMatchObject({
      name: "ImageDownloadError",
      reason: "no-url",
    });
  });

  it("checks the content type", async () => {
    const server = createServer((_request, response) => response.end("<html>not an image</html>"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const { port } = server.address() as AddressInfo;

    await expect(clientFor(emulator()).downloadImage(`http://127.0.0.1:${port}/x.png`)).rejects.toMatchObject(
      {
        name: "ImageDownloadError",
        reason: "content-type",
      },
    );
  });
});
