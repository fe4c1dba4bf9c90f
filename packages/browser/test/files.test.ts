import { afterEach, describe, expect, test } from "vitest";
import { commands, userEvent } from "vitest/browser";
import {
  APIConnectionError,
  ClientOptionError,
  createClient,
  describeOperation,
  examplePng,
  type FileInput,
  RequestValidationError,
  type UploadProgress,
  upscaleOperation,
  v3RemixOperation,
} from "../src/index.ts";
import { baseURL, http2BaseURL, rejectionOf, TEST_TOKEN, useFreshEmulators } from "./support.ts";

useFreshEmulators();

const operations = [describeOperation, upscaleOperation, v3RemixOperation] as const;

afterEach(() => {
  document.body.replaceChildren();
});

/** A file the way a page gets it: chosen in a real `<input type="file">` (set by Playwright). */
async function pickFile(file: File): Promise<File> {
  const input = document.createElement("input");
  input.type = "file";
  document.body.append(input);
  await userEvent.upload(input, file);
  const [picked] = input.files ?? [];
  if (picked === undefined) throw new Error("the input holds no file");
  return picked;
}

describe("file inputs", () => {
  test("a File from an <input type=file> is uploaded under its own name and type", async () => {
    const client = createClient({ baseURL, token: TEST_TOKEN, operations });
    const picked = await pickFile(new File([examplePng(64, 48)], "holiday photo.png", { type: "image/png" }));

    const answer = await client.upscale({ image_file: picked, prompt: "sharper" });

    expect(answer.data).toHaveLength(1);
    const [call] = await commands.emulatorRequests();
    expect(call?.path).toBe("/ideogram/upscale");
    expect(call?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(call?.body).toMatchObject({
      image_file: { name: "holiday photo.png", type: "image/png", size: picked.size },
    });
    expect(JSON.parse((call?.body as { image_request: string } | undefined)?.image_request ?? "")).toEqual({
      prompt: "sharper",
    });
    expect(await commands.specProblemsOfRequests()).toEqual([]);
  });

  test.each<[string, () => FileInput]>([
    ["a Uint8Array", () => examplePng(32, 32)],
    ["an ArrayBuffer", () => examplePng(32, 32).buffer as ArrayBuffer],
    ["a Blob of type image/png", () => new Blob([examplePng(32, 32)], { type: "image/png" })],
    ["bytes with a name and type", () => ({ data: examplePng(32, 32), name: "me.png", type: "image/png" })],
  ])("%s is sent as a PNG file part", async (_kind, file) => {
    const client = createClient({ baseURL, token: TEST_TOKEN, operations });

    const answer = await client.describe({ image_file: file() });

    expect(answer.descriptions?.[0]?.text).toEqual(expect.any(String));
    const [call] = await commands.emulatorRequests();
    expect(call?.body).toMatchObject({
      image_file: { name: expect.stringMatching(/\.png$/), size: examplePng(32, 32).length },
    });
    expect(await commands.specProblemsOfRequests()).toEqual([]);
  });

  test("a file that is not an image is refused before any request, naming the field", async () => {
    const client = createClient({ baseURL, token: TEST_TOKEN, operations });
    const picked = await pickFile(
      new File(["<html>not a picture</html>"], "photo.png", { type: "image/png" }),
    );

    const error = await rejectionOf(client.v3.remix({ image: picked, prompt: "a fox" }));

    expect(error).toBeInstanceOf(RequestValidationError);
    const { issues, message } = error as RequestValidationError;
    expect(issues.map((issue) => issue.path.join("."))).toEqual(["image"]);
    expect(message).toMatch(/image/);
    expect(message).toMatch(/PNG|JPEG|WebP/);
    expect(await commands.emulatorRequests()).toEqual([]);
  });
});

describe("onUploadProgress", () => {
  test("reports the upload growing to the whole body, over HTTP/2", async () => {
    const client = createClient({ baseURL: http2BaseURL, token: TEST_TOKEN, operations });
    const image = new File([examplePng(512, 512)], "big.png", { type: "image/png" });
    const events: UploadProgress[] = [];

    const answer = await client.upscale(
      { image_file: image },
      { onUploadProgress: (event) => events.push(event) },
    );

    expect(answer.data).toHaveLength(1);
    expect(events.length).toBeGreaterThan(0);
    const sent = events.map((event) => event.transferredBytes);
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
    const last = events.at(-1);
    expect(last?.percent).toBe(1);
    expect(last?.transferredBytes).toBeGreaterThan(image.size);
    const [call] = await commands.emulatorRequests("http2");
    expect(call?.body).toMatchObject({ image_file: { name: "big.png", size: image.size } });
  });

  test("reports a JSON body too, and withResponse takes it", async () => {
    const client = createClient({ baseURL: http2BaseURL, token: TEST_TOKEN });
    const events: UploadProgress[] = [];

    const { response } = await client.generate.withResponse(
      { prompt: "a lighthouse" },
      { onUploadProgress: (event) => events.push(event) },
    );

    expect(response.status).toBe(200);
    expect(events.at(-1)).toMatchObject({
      percent: 1,
      transferredBytes: JSON.stringify({ image_request: { prompt: "a lighthouse" } }).length,
    });
  });

  test("over HTTP/1.1 the call fails with a connection error that says why", async () => {
    const client = createClient({ baseURL, token: TEST_TOKEN, maxRetries: 0, operations });

    const error = await rejectionOf(
      client.describe({ image_file: examplePng(32, 32) }, { onUploadProgress: () => {} }),
    );

    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toMatch(/onUploadProgress.*HTTP\/2/);
  });

  test("a listener that is not a function is refused before any request", async () => {
    const client = createClient({ baseURL, token: TEST_TOKEN });

    const error = await rejectionOf(
      client.generate({ prompt: "a fox" }, { onUploadProgress: "yes" as never }),
    );

    expect(error).toBeInstanceOf(ClientOptionError);
    expect(error).toMatchObject({ option: "onUploadProgress" });
    expect(await commands.emulatorRequests()).toEqual([]);
  });
});
