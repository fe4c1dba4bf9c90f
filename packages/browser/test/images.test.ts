import { parseResolution } from "@ideokit/core";
import { beforeAll, describe, expect, test } from "vitest";
import { commands } from "vitest/browser";
import {
  APIConnectionError,
  createClient,
  fetchImage,
  IdeogramError,
  ImageDownloadError,
  type ImageObject,
  imageObjectURL,
  NotFoundError,
  PermissionDeniedError,
} from "../src/index.ts";
import { baseURL, noCorsURL, rejectionOf, TEST_TOKEN, useFreshEmulators } from "./support.ts";

useFreshEmulators();

const client = createClient({ baseURL, token: TEST_TOKEN });
let image: ImageObject;

// Chrome caches image answers (they carry max-age), so tests that count requests need an image of their own.
async function freshImage(): Promise<ImageObject> {
  const response = await client.generate({ prompt: "a red kite", aspect_ratio: "ASPECT_16_9" });
  await commands.clearEmulators();
  return response.data[0]!;
}

beforeAll(async () => {
  image = await freshImage();
});

async function imageRequests() {
  return (await commands.emulatorRequests()).filter((entry) => entry.path.startsWith("/images/"));
}

function withQuery(url: string, name: string, value: string): string {
  const changed = new URL(url);
  changed.searchParams.set(name, value);
  return changed.href;
}

describe("fetchImage", () => {
  test("downloads a PNG Blob that decodes at the resolution the response states", async () => {
    const blob = await fetchImage(image);

    expect(blob.type).toBe("image/png");
    const bitmap = await createImageBitmap(blob);
    expect({ width: bitmap.width, height: bitmap.height }).toEqual(parseResolution(image.resolution!));
    bitmap.close();
  });

  test("takes the URL itself too", async () => {
    const blob = await fetchImage(image.url!);

    expect(blob.type).toBe("image/png");
  });

  test("refuses an expired URL without requesting it", async () => {
    const expired = withQuery(image.url!, "exp", String(Math.floor(Date.now() / 1000) - 60));
    const error = await rejectionOf(fetchImage(expired));

    expect(error).toBeInstanceOf(IdeogramError);
    expect(error).toBeInstanceOf(ImageDownloadError);
    expect((error as ImageDownloadError).reason).toBe("expired");
    expect((error as IdeogramError).message).toMatch(/expired/);
    expect(await imageRequests()).toEqual([]);
  });

  test("refuses an image without a URL", async () => {
    const error = await rejectionOf(fetchImage({ ...image, url: null, is_image_safe: false }));

    expect(error).toBeInstanceOf(IdeogramError);
    expect(error).toBeInstanceOf(ImageDownloadError);
    expect((error as ImageDownloadError).reason).toBe("no-url");
    expect(await imageRequests()).toEqual([]);
  });

  test("refuses an answer that is not an image", async () => {
    const page = URL.createObjectURL(new Blob(["<html>not an image</html>"], { type: "text/html" }));
    const error = await rejectionOf(fetchImage(page));
    URL.revokeObjectURL(page);

    expect(error).toBeInstanceOf(ImageDownloadError);
    expect((error as ImageDownloadError).reason).toBe("content-type");
    expect((error as ImageDownloadError).message).toMatch(/got content-type "text\/html"/);
  });

  test("a forged signature → PermissionDeniedError, not retried", async () => {
    const error = await rejectionOf(fetchImage(withQuery(image.url!, "sig", "0".repeat(64))));

    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(await imageRequests()).toHaveLength(1);
  });

  test("an unknown image → NotFoundError", async () => {
    const error = await rejectionOf(
      fetchImage(image.url!.replace(/ephemeral\/[^/?]+\.png/, "ephemeral/unknown.png")),
    );

    expect(error).toBeInstanceOf(NotFoundError);
  });

  test("an image host that does not allow this page (no CORS) gets a message naming CORS", async () => {
    const url = `${noCorsURL}/images/ephemeral/elsewhere.png?exp=4102444800&sig=abc`;
    const error = await rejectionOf(fetchImage(url, { maxRetries: 0 }));

    expect(error).toBeInstanceOf(APIConnectionError);
    const { message, cause } = error as APIConnectionError;
    expect(message).toContain(`Could not download ${noCorsURL}/images/ephemeral/elsewhere.png:`);
    expect(message).toMatch(/Access-Control-Allow-Origin, CORS/);
    expect(message).not.toContain("sig=");
    expect(cause).toBeInstanceOf(TypeError);
  });

  test("a 503 on the image is retried", async () => {
    const uncached = await freshImage();
    await commands.queueFaults(1, "503", "images");
    const blob = await fetchImage(uncached);

    expect(blob.size).toBeGreaterThan(0);
    expect((await imageRequests()).map((entry) => entry.status)).toEqual([503, 200]);
  });
});

describe("imageObjectURL", () => {
  test("gives a blob: URL an <img> can show, until revoked", async () => {
    const handle = await imageObjectURL(await fetchImage(image));
    const element = new Image();
    element.src = handle.url;
    await element.decode();

    expect(handle.url).toMatch(/^blob:/);
    expect({ width: element.naturalWidth, height: element.naturalHeight }).toEqual(
      parseResolution(image.resolution!),
    );

    handle.revoke();
    await expect(fetch(handle.url)).rejects.toThrow(TypeError);
  });

  test("downloads the image first when given the image object", async () => {
    const handle = await imageObjectURL(await freshImage());
    const blob = await (await fetch(handle.url)).blob();
    handle.revoke();

    expect(blob.type).toBe("image/png");
    expect(await imageRequests()).toHaveLength(1);
  });
});
