import { APICallError, InvalidArgumentError } from "@ai-sdk/provider";
import { RequestValidationError } from "@ideokit/core";
import { generateImage } from "ai";
import { describe, expect, it, vi } from "vitest";
import { createIdeogram } from "../src/index.ts";
import { API_KEY, pngSize, providerFor, useEmulator } from "./support.ts";

const emulator = useEmulator({ unsafeWords: ["forbidden"] });

describe("generateImage with a legacy model", () => {
  it("maps n, aspectRatio and seed onto /generate and returns the downloaded PNGs", async () => {
    const result = await generateImage({
      model: providerFor(emulator()).image("V_2"),
      prompt: "a lighthouse at dusk",
      n: 2,
      aspectRatio: "16:9",
      seed: 42,
    });

    expect(result.images).toHaveLength(2);
    for (const image of result.images) {
      expect(image.mediaType).toBe("image/png");
      expect(pngSize(image.uint8Array)).toEqual({ width: 1312, height: 736 });
    }
    const generate = emulator().requests.filter((request) => request.path === "/generate");
    expect(generate).toHaveLength(1);
    expect(generate[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(generate[0]?.body).toEqual({
      image_request: {
        prompt: "a lighthouse at dusk",
        model: "V_2",
        num_images: 2,
        aspect_ratio: "ASPECT_16_9",
        seed: 42,
      },
    });
    expect(emulator().requests.filter((request) => request.path.startsWith("/images/"))).toHaveLength(2);
  });

  it("maps size onto the legacy resolution enum", async () => {
    const { image } = await generateImage({
      model: providerFor(emulator()).image("V_2_TURBO"),
      prompt: "a fox",
      size: "1280x720",
    });

    expect(pngSize(image.uint8Array)).toEqual({ width: 1280, height: 720 });
    expect(emulator().requests[0]?.body).toMatchObject({
      image_request: { model: "V_2_TURBO", resolution: "RESOLUTION_1280_720" },
    });
  });

  it("splits n above 8 into several calls (maxImagesPerCall 8)", async () => {
    const result = await generateImage({
      model: providerFor(emulator()).image("V_1"),
      prompt: "a cat",
      n: 10,
    });

    expect(result.images).toHaveLength(10);
    const counts = emulator()
      .requests.filter((request) => request.path === "/generate")
      .map((request) => (request.body as { image_request: { num_images: number } }).image_request.num_images);
    expect(counts.sort()).toEqual([2, 8]);
  });

  it("passes providerOptions.ideogram through core's check", async () => {
    await generateImage({
      model: providerFor(emulator()).image("V_2"),
      prompt: "a poster",
      providerOptions: {
        ideogram: {
          style_type: "DESIGN",
          magic_prompt_option: "OFF",
          negative_prompt: "blur",
          color_palette: { name: "EMBER" },
        },
      },
    });

    expect(emulator().requests[0]?.body).toMatchObject({
      image_request: {
        style_type: "DESIGN",
        magic_prompt_option: "OFF",
        negative_prompt: "blur",
        color_palette: { name: "EMBER" },
      },
    });
  });

  it("returns response metadata and each image's seed, resolution, safety and prompt", async () => {
    const before = Date.now();
    const result = await generateImage({
      model: providerFor(emulator()).image("V_2"),
      prompt: "a cat",
      seed: 7,
      n: 2,
      providerOptions: { ideogram: { magic_prompt_option: "ON" } },
    });

    const [response] = result.responses;
    expect(response?.modelId).toBe("V_2");
    expect(response?.timestamp.getTime()).toBeGreaterThanOrEqual(before);
    expect(response?.headers?.["x-request-id"]).toBe(emulator().requests[0]?.id);
    const images = result.providerMetadata.ideogram?.images as Record<string, unknown>[];
    expect(images).toHaveLength(2);
    for (const metadata of images) {
      expect(metadata).toMatchObject({ seed: 7, resolution: "1024x1024", is_image_safe: true });
      expect(metadata.prompt).toMatch(/^a cat\. /);
      expect(metadata).not.toHaveProperty("url");
    }
    expect(result.images[0]?.providerMetadata?.ideogram).toEqual(images[0]);
  });

  it("warns about options the model does not support and does not send them", async () => {
    const result = await generateImage({
      model: providerFor(emulator()).image("V_1"),
      prompt: "a fox",
      size: "1024x1024",
      providerOptions: { ideogram: { style_type: "ANIME" } },
    });

    expect(result.images).toHaveLength(1);
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: "unsupported", feature: "size" }),
        expect.objectContaining({ type: "unsupported", feature: "providerOptions.ideogram.style_type" }),
      ]),
    );
    const sent = emulator().requests[0]?.body as { image_request: Record<string, unknown> };
    expect(sent.image_request).not.toHaveProperty("resolution");
    expect(sent.image_request).not.toHaveProperty("style_type");
  });

  it("rejects invalid options naming each field, before anything is sent", async () => {
    const error = await generateImage({
      model: providerFor(emulator()).image("V_2"),
      prompt: "a fox",
      aspectRatio: "7:5",
      providerOptions: { ideogram: { style_type: "OIL", num_images: 3 } },
    }).catch((caught: unknown) => caught);

    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe("providerOptions.ideogram.num_images");
    expect((error as Error).message).toContain("generateImage's `n` argument");
    expect(emulator().requests).toHaveLength(0);

    const invalidValues = await generateImage({
      model: providerFor(emulator()).image("V_2"),
      prompt: "a fox",
      aspectRatio: "7:5",
      providerOptions: { ideogram: { style_type: "OIL" } },
    }).catch((caught: unknown) => caught);
    const message = (invalidValues as Error).message;
    expect(message).toContain("aspectRatio (aspect_ratio)");
    expect(message).toContain("providerOptions.ideogram.style_type");
    const cause = (invalidValues as InvalidArgumentError).cause as RequestValidationError;
    expect(cause).toBeInstanceOf(RequestValidationError);
    expect(cause.issues.map((issue) => issue.path.join("."))).toEqual(["aspect_ratio", "style_type"]);
    expect(emulator().requests).toHaveLength(0);
  });

  it("leaves out images the service withheld as unsafe, with a warning", async () => {
    const error = await generateImage({
      model: providerFor(emulator()).image("V_2"),
      prompt: "something forbidden",
      n: 2,
    }).catch((caught: unknown) => caught);

    expect((error as Error).name).toBe("AI_NoImageGeneratedError");
    const [call] = (error as { calls: { warnings: unknown[] }[] }).calls;
    expect(call?.warnings).toEqual([
      expect.objectContaining({ type: "other", message: expect.stringContaining("withheld image 1 of 2") }),
      expect.objectContaining({ type: "other", message: expect.stringContaining("withheld image 2 of 2") }),
    ]);
    // Not retried although maxRetries defaults to 2: the verdict would not change.
    expect(emulator().requests.filter((request) => request.path === "/generate")).toHaveLength(1);
  });
});

describe("errors", () => {
  it("turns a 401 into a non-retryable APICallError that never shows the key", async () => {
    const error = await generateImage({
      model: providerFor(emulator(), { apiKey: "sk-wrong-key-123" }).image("V_2"),
      prompt: "a fox",
    }).catch((caught: unknown) => caught);

    expect(APICallError.isInstance(error)).toBe(true);
    const apiError = error as APICallError;
    expect(apiError.statusCode).toBe(401);
    expect(apiError.isRetryable).toBe(false);
    expect(apiError.url).toBe(`${emulator().url}/generate`);
    expect(JSON.stringify({ ...apiError, message: apiError.message })).not.toContain("sk-wrong-key-123");
    expect(emulator().requests).toHaveLength(1);
  });

  it("lets the AI SDK's maxRetries retry a 503 once, with no retry loop of its own", async () => {
    emulator().faults.next(1, "503");
    const result = await generateImage({
      model: providerFor(emulator()).image("V_2"),
      prompt: "a fox",
      maxRetries: 1,
    });

    expect(result.images).toHaveLength(1);
    const generate = emulator().requests.filter((request) => request.path === "/generate");
    expect(generate.map((request) => request.status)).toEqual([503, 200]);
  });

  it("makes exactly one attempt with maxRetries 0 and reports it as retryable", async () => {
    emulator().faults.next(2, "503");
    const error = await generateImage({
      model: providerFor(emulator()).image("V_2"),
      prompt: "a fox",
      maxRetries: 0,
    }).catch((caught: unknown) => caught);

    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).isRetryable).toBe(true);
    expect((error as APICallError).statusCode).toBe(503);
    expect(emulator().requests).toHaveLength(1);
  });

  it("marks a 422 safety rejection as not retryable and keeps the service's explanation", async () => {
    const error = await generateImage({
      model: providerFor(emulator()).image("V_2"),
      prompt: "nsfw content",
    }).catch((caught: unknown) => caught);

    expect((error as APICallError).statusCode).toBe(422);
    expect((error as APICallError).isRetryable).toBe(false);
    expect((error as Error).message).toContain("safety check");
    expect(emulator().requests).toHaveLength(1);
  });

  it("reports a dropped connection as a retryable APICallError", async () => {
    emulator().faults.next(1, "reset");
    const error = await generateImage({
      model: providerFor(emulator()).image("V_2"),
      prompt: "a fox",
      maxRetries: 0,
    }).catch((caught: unknown) => caught);

    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).isRetryable).toBe(true);
    expect((error as APICallError).statusCode).toBeUndefined();
  });

  it("honours the abort signal", async () => {
    emulator().faults.next(1, "hang");
    const controller = new AbortController();
    const pending = generateImage({
      model: providerFor(emulator()).image("V_2"),
      prompt: "a fox",
      abortSignal: controller.signal,
    });
    await vi.waitFor(() => expect(emulator().requests).toHaveLength(1));
    const reason = new Error("user left");
    controller.abort(reason);

    const error = await pending.catch((caught: unknown) => caught);
    expect(error).toBe(reason);
    expect(emulator().requests).toHaveLength(1);
  });
});

describe("provider settings", () => {
  it("reads IDEOGRAM_API_KEY and IDEOGRAM_BASE_URL when a model is called, not before", async () => {
    const provider = createIdeogram();
    const model = provider.image("V_2");
    process.env.IDEOGRAM_API_KEY = API_KEY;
    process.env.IDEOGRAM_BASE_URL = emulator().url;
    try {
      const { image } = await generateImage({ model, prompt: "a fox" });
      expect(image.uint8Array.length).toBeGreaterThan(0);
    } finally {
      delete process.env.IDEOGRAM_API_KEY;
      delete process.env.IDEOGRAM_BASE_URL;
    }
  });

  it("says which variable is missing when there is no key", async () => {
    const model = createIdeogram({ baseURL: emulator().url }).image("V_2");
    await expect(generateImage({ model, prompt: "a fox" })).rejects.toThrow(/IDEOGRAM_API_KEY/);
    expect(emulator().requests).toHaveLength(0);
  });

  it("sends the provider's and the call's headers, through the injected fetch", async () => {
    const seen: string[] = [];
    const provider = providerFor(emulator(), {
      headers: { "x-app": "demo" },
      fetch: (input, init) => {
        seen.push(String(input));
        return fetch(input, init);
      },
    });
    await generateImage({ model: provider.image("V_2"), prompt: "a fox", headers: { "x-call": "1" } });

    expect(emulator().requests[0]?.headers).toMatchObject({ "x-app": "demo", "x-call": "1" });
    expect(seen).toHaveLength(2);
    expect(seen[1]).toContain("/images/ephemeral/");
  });

  it("throws NoSuchModelError for an unknown model id", () => {
    expect(() => providerFor(emulator()).image("V_9" as never)).toThrow(/V_9/);
    expect(() => providerFor(emulator()).languageModel("x")).toThrow();
  });
});
