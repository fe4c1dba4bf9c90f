import { readdir } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  ASPECT_RATIOS,
  type AspectRatio,
  ClientOptionError,
  type GenerateResponse,
  Ideogram,
  InternalServerError,
  SaveImagesError,
} from "../src/index.ts";
import { API_KEY, clientFor, temporaryDirectory, useEmulator } from "./helpers.ts";

const emulator = useEmulator();

/** A loopback server answering every request with `status` and an HTML page, as a gateway does. */
async function htmlGateway(status: number, html: string): Promise<{ url: string }> {
  const server = createServer((_, response) => {
    response.writeHead(status, { "content-type": "text/html" });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function construct(options: Record<string, unknown>): unknown {
  try {
    new Ideogram({ apiKey: API_KEY, baseURL: emulator().url, env: {}, ...options });
  } catch (error) {
    return error;
  }
  throw new Error("expected the constructor to throw");
}

describe("options are checked at construction", () => {
  it('refuses auth "BEARER" instead of silently sending Api-Key, and suggests "bearer"', () => {
    const error = construct({ auth: "BEARER" });

    expect(error).toBeInstanceOf(ClientOptionError);
    expect(error).toMatchObject({ option: "auth" });
    expect((error as Error).message).toBe(
      'Invalid auth "BEARER": expected "bearer", "api-key" or "none" (did you mean "bearer"?).',
    );
  });

  it.each([
    ["timeout", -5],
    ["timeout", Number.NaN],
    ["timeout", "100"],
    ["maxRetries", -1],
    ["maxRetries", 1.5],
  ])("refuses %s %s", (option, value) => {
    const error = construct({ [option]: value });

    expect(error).toBeInstanceOf(ClientOptionError);
    expect(error).toMatchObject({ option });
    expect((error as Error).message).toMatch(new RegExp(`^Invalid ${option} `));
  });

  it("takes timeout 0 and Infinity and maxRetries 0", () => {
    for (const options of [{ timeout: 0 }, { timeout: Number.POSITIVE_INFINITY }, { maxRetries: 0 }]) {
      expect(() => clientFor(emulator(), options)).not.toThrow();
    }
  });

  it.each([
    ["/ideogram/generate", "/ideogram"],
    ["/v1/ideogram-v3/generate", ""],
    ["/generate/", ""],
  ])("recognises the endpoint %s pasted as the base URL and says what to write", (endpoint, root) => {
    const error = construct({ baseURL: `${emulator().url}${endpoint}` });

    expect(error).toBeInstanceOf(ClientOptionError);
    expect((error as Error).message).toContain(
      `which the client adds itself; write "${emulator().url}${root}"`,
    );
  });

  it("names IDEOGRAM_BASE_URL when the mistake is in the environment", () => {
    const error = construct({ baseURL: undefined, env: { IDEOGRAM_BASE_URL: `${emulator().url}/generate` } });

    expect((error as Error).message).toMatch(/\(read from IDEOGRAM_BASE_URL\)\.$/);
  });

  it("trims a space around IDEOGRAM_BASE_URL instead of failing with a 404", async () => {
    const client = new Ideogram({
      env: { IDEOGRAM_API_KEY: API_KEY, IDEOGRAM_BASE_URL: ` ${emulator().url} ` },
    });
    onTestFinished(() => client.close());
    const response = await client.generate({ prompt: "a fox" });

    expect(client.baseURL).toBe(emulator().url);
    expect(response.data).toHaveLength(1);
  });

  it("refuses a per-call timeout or maxRetries that is not valid, sending nothing", async () => {
    const client = clientFor(emulator());

    await expect(client.generate({ prompt: "a fox" }, { maxRetries: -1 })).rejects.toBeInstanceOf(
      ClientOptionError,
    );
    await expect(client.generate({ prompt: "a fox" }, { timeout: -1 })).rejects.toBeInstanceOf(
      ClientOptionError,
    );
    expect(emulator().requests).toHaveLength(0);
  });
});

describe("core's whole API comes with the client", () => {
  it("exports ASPECT_RATIOS and AspectRatio", () => {
    const square: AspectRatio = "ASPECT_1_1";

    expect(ASPECT_RATIOS).toContain(square);
  });
});

describe("errors say what happened", () => {
  it("uses an HTML error page's <title>, never its markup", async () => {
    const gateway = await htmlGateway(
      503,
      "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body><center><h1>503</h1></center><hr><center>nginx</center></body></html>",
    );
    const error = await clientFor(gateway, { maxRetries: 0 })
      .generate({ prompt: "a fox" })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as Error).message).toBe("503 503 Service Temporarily Unavailable (HTML page)");
  });

  it("falls back to the status text for an HTML page without a title", async () => {
    const gateway = await htmlGateway(502, "<!DOCTYPE html><html><body><h1>oops</h1></body></html>");
    const error = await clientFor(gateway, { maxRetries: 0 })
      .generate({ prompt: "a fox" })
      .catch((caught: unknown) => caught);

    expect((error as Error).message).toBe("502 Bad Gateway (HTML page)");
  });

  it("names the host and the cause's code of a connection error", async () => {
    const error = await clientFor({ url: "http://127.0.0.1:9" }, { maxRetries: 0 })
      .generate({ prompt: "a fox" })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toBe("Connection error: ECONNREFUSED 127.0.0.1:9 (1 attempt).");
    expect((error as Error).cause).toMatchObject({ code: "ECONNREFUSED" });
  });

  it("says the timeout and the attempts made", async () => {
    emulator().faults.next(2, "hang");
    const error = await clientFor(emulator(), { timeout: 100, maxRetries: 1 })
      .generate({ prompt: "a fox" })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as Error).message).toBe(
      `Request timed out: no answer from ${emulator().url.replace("http://", "")} within 100 ms (2 attempts).`,
    );
  });

  it.each([
    ["AbortSignal.timeout", () => AbortSignal.timeout(50), "TimeoutError"],
    [
      "abort(new Error(...))",
      () => {
        const controller = new AbortController();
        setTimeout(() => controller.abort(new Error("user gave up")), 50);
        return controller.signal;
      },
      "Error",
    ],
  ])("keeps the reason of %s as the abort's cause", async (_, signal, causeName) => {
    emulator().faults.next(1, "hang");
    const error = await clientFor(emulator())
      .generate({ prompt: "a fox" }, { signal: signal() })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as Error).cause).toMatchObject({ name: causeName });
    expect((error as Error).message).toMatch(/^Request was aborted: .+\.$/);
  });
});

describe("saveImages when one image cannot be downloaded", () => {
  it("names the image, reports the file saved before it, and leaves no partial file", async () => {
    const dir = await temporaryDirectory();
    const client = clientFor(emulator(), { maxRetries: 0 });
    const [good] = (await client.generate({ prompt: "a fox", seed: 5 })).data;
    const unreachable = "http://127.0.0.1:9/images/ephemeral/gone.png?exp=4102444800&sig=secret-signature";
    const response: GenerateResponse = {
      created: "2026-01-01T00:00:00Z",
      data: [good!, { ...good!, seed: 6, url: unreachable }],
    };

    const error = await client
      .saveImages(response, dir, { concurrency: 1 })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SaveImagesError);
    const failure = error as SaveImagesError;
    expect(failure.failed).toEqual([
      {
        index: 1,
        url: "http://127.0.0.1:9/images/ephemeral/gone.png",
        error: expect.any(APIConnectionError),
      },
    ]);
    expect(failure.paths).toEqual([join(dir, "5-0.png")]);
    expect(failure.cause).toBeInstanceOf(APIConnectionError);
    expect(failure.message).toMatch(
      /^Image 1 was not saved \(http:\/\/127\.0\.0\.1:9\/images\/ephemeral\/gone\.png\): /,
    );
    expect(failure.message).toContain(`Saved all the same: ${join(dir, "5-0.png")}.`);
    expect(failure.message).not.toContain("secret-signature");
    expect(await readdir(dir)).toEqual(["5-0.png"]);
  });
});

describe("downloadImage after it resolved", () => {
  it("still ends with APIUserAbortError (the reason as cause) when the caller aborts mid-body", async () => {
    let closed: Promise<void> | undefined;
    const server = createServer((request, response) => {
      closed = new Promise((resolve) => request.socket.on("close", () => resolve()));
      response.writeHead(200, { "content-type": "image/png", "content-length": 1000 });
      response.write(Buffer.alloc(100));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/images/slow.png`;
    const controller = new AbortController();
    const stream = await clientFor(emulator()).downloadImage(url, { signal: controller.signal });
    const reader = stream.getReader();
    expect((await reader.read()).value?.length).toBe(100);

    const next = reader.read();
    controller.abort(new Error("user gave up"));
    const error = await next.catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as Error).cause).toMatchObject({ message: "user gave up" });
    await closed;
  });
});
