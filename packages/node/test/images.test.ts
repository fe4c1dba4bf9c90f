import { readdir, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { createManualClock } from "@ideokit/testing";
import { startEmulator } from "@ideokit/testing/node";
import { describe, expect, it, onTestFinished } from "vitest";
import {
  APIConnectionError,
  APIUserAbortError,
  ImageDownloadError,
  PermissionDeniedError,
  SaveImagesError,
} from "../src/index.ts";
import { startDroppingServer } from "./dropping-server.ts";
import { API_KEY, captureDebugLog, clientFor, temporaryDirectory, useEmulator } from "./helpers.ts";

const emulator = useEmulator({ unsafeWords: ["forbidden"] });
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function emulatorBytes(url: string): Promise<Buffer> {
  return Buffer.from(await (await fetch(url)).arrayBuffer());
}

/** What the emulator did with each image request: the fault it injected, else the status. */
function imageRequests(): (string | number | undefined)[] {
  return emulator()
    .requests.filter((request) => request.path.includes("/images/"))
    .map((request) => request.fault ?? request.status);
}

/** Reads a web stream to its end, keeping the bytes that came before an error. */
async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ bytes: Buffer; error?: unknown }> {
  const chunks: Uint8Array[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk);
    return { bytes: Buffer.concat(chunks) };
  } catch (error) {
    return { bytes: Buffer.concat(chunks), error };
  }
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

describe("saveImages when a body drops mid-stream", () => {
  it("deletes the partial file and re-sends the whole GET: the saved bytes are complete", async () => {
    const dir = await temporaryDirectory();
    const client = clientFor(emulator(), { maxRetries: 1 });
    const response = await client.generate({ prompt: "a fox", seed: 11 });
    emulator().faults.next(1, "truncated", { on: "images" });
    const { paths } = await client.saveImages(response, dir);

    expect(imageRequests()).toEqual(["truncated", 200]);
    expect(paths).toEqual([join(dir, "11-0.png")]);
    expect((await readFile(paths[0]!)).equals(await emulatorBytes(response.data[0]!.url!))).toBe(true);
    expect(await readdir(dir)).toEqual(["11-0.png"]);
  });

  it("gives up with SaveImagesError (cause APIConnectionError) after maxRetries + 1 requests, leaving no file", async () => {
    const dir = await temporaryDirectory();
    const client = clientFor(emulator(), { maxRetries: 1 });
    const response = await client.generate({ prompt: "a fox" });
    emulator().faults.next(2, "truncated", { on: "images" });

    const error = await client.saveImages(response, dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SaveImagesError);
    expect((error as SaveImagesError).cause).toBeInstanceOf(APIConnectionError);
    expect(imageRequests()).toEqual(["truncated", "truncated"]);
    expect(await readdir(dir)).toEqual([]);
  });

  it("stops with APIUserAbortError when aborted during the retry's backoff", async () => {
    const log = captureDebugLog();
    const dir = await temporaryDirectory();
    const client = clientFor(emulator(), { maxRetries: 1, env: { IDEOGRAM_LOG: "debug" } });
    const response = await client.generate({ prompt: "a fox" });
    emulator().faults.next(1, "truncated", { on: "images" });
    const controller = new AbortController();
    const pending = client.saveImages(response, dir, { signal: controller.signal });
    await log.next(/GET \S+ APIConnectionError attempt 1\/2 \d+ms, retrying in/);
    controller.abort();

    const error = await pending.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SaveImagesError);
    expect((error as SaveImagesError).cause).toBeInstanceOf(APIUserAbortError);
    expect(imageRequests()).toEqual(["truncated"]);
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

  it("re-sends the GET when the connection drops before any byte reached the stream", async () => {
    const dropping = await startDroppingServer({ on: "images", count: 1, keep: 0 });
    const client = clientFor(dropping, { maxRetries: 1 });
    const [image] = (await client.generate({ prompt: "a fox" })).data;
    const { bytes, error } = await readAll(await client.downloadImage(image!));
    const images = dropping.emulator.requests.filter((request) => request.path.includes("/images/"));

    expect(error).toBeUndefined();
    expect(images).toHaveLength(2);
    expect(bytes.equals(await emulatorBytes(image!.url!))).toBe(true);
  });

  it("errors the stream with APIConnectionError, without retrying, once bytes were handed out", async () => {
    const client = clientFor(emulator(), { maxRetries: 2 });
    const [image] = (await client.generate({ prompt: "a fox" })).data;
    emulator().faults.next(1, "truncated", { on: "images" });
    const { bytes, error } = await readAll(await client.downloadImage(image!));

    expect(error).toBeInstanceOf(APIConnectionError);
    expect(imageRequests()).toEqual(["truncated"]);
    expect(bytes.length).toBeGreaterThan(0);
    expect((await emulatorBytes(image!.url!)).subarray(0, bytes.length).equals(bytes)).toBe(true);
  });
});
