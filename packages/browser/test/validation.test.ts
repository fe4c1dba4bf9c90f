import { describe, expect, test } from "vitest";
import { commands } from "vitest/browser";
import {
  BadRequestError,
  createClient,
  type ImageRequest,
  RequestValidationError,
  validateImageRequest,
} from "../src/index.ts";
import { createClient as createLiteClient, Ideogram as LiteIdeogram } from "../src/lite.ts";
import { baseURL, generateCalls, rejectionOf, TEST_TOKEN, useFreshEmulators } from "./support.ts";

useFreshEmulators();

// Three mistakes at once: a typo'd key, a seed out of range, and an alias core suggests the exact value for.
const invalid = {
  prompt: "a fox",
  aspect_ration: "ASPECT_16_9",
  seed: -1,
  aspect_ratio: "16:9",
} as unknown as ImageRequest;

describe("validation before sending", () => {
  test("an invalid request rejects with every issue and sends nothing", async () => {
    const client = createClient({ baseURL, token: TEST_TOKEN });
    const error = await rejectionOf(client.generate(invalid));

    expect(error).toBeInstanceOf(RequestValidationError);
    const paths = (error as RequestValidationError).issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["aspect_ration", "seed", "aspect_ratio"]));
    expect(await commands.emulatorRequests()).toEqual([]);

    // The log does record what this client sends: the silence above is the validation's doing.
    await client.generate({ prompt: "a fox" });
    expect(await generateCalls()).toHaveLength(1);
  });

  test("untyped input (a form's JSON) is typed by validateImageRequest, then sent", async () => {
    const client = createClient({ baseURL, token: TEST_TOKEN });
    const fromAForm: unknown = JSON.parse('{ "prompt": "a fox", "num_images": 2 }');
    const response = await client.generate(validateImageRequest(fromAForm));
    const invalid: unknown = JSON.parse('{ "prompt": "a fox", "num_images": "2" }');

    expect(response.data).toHaveLength(2);
    expect(() => validateImageRequest(invalid)).toThrow(RequestValidationError);
    expect(await generateCalls()).toHaveLength(1);
  });

  test('validate: "passthrough" sends unknown keys on', async () => {
    const client = createClient({ baseURL, token: TEST_TOKEN, validate: "passthrough" });
    const error = await rejectionOf(
      client.generate({ prompt: "a fox", style_preset: "NOIR" } as ImageRequest),
    );

    expect(error).toBeInstanceOf(BadRequestError);
    const [call] = await generateCalls();
    expect(call?.body).toEqual({ image_request: { prompt: "a fox", style_preset: "NOIR" } });
  });

  test("validate: false sends the input as given", async () => {
    const client = createClient({ baseURL, token: TEST_TOKEN, validate: false });
    const error = await rejectionOf(client.generate(invalid, { maxRetries: 0 }));

    expect(error).toBeInstanceOf(BadRequestError);
    expect(await generateCalls()).toHaveLength(1);
  });
});

describe("@ideokit/browser/lite", () => {
  test("sends requests unchecked, leaving validation to the server", async () => {
    const error = await rejectionOf(createLiteClient({ baseURL, token: TEST_TOKEN }).generate(invalid));

    expect(error).toBeInstanceOf(BadRequestError);
    const [call] = await generateCalls();
    expect(call?.body).toEqual({ image_request: invalid });
  });

  test("generates like the main entry", async () => {
    const response = await new LiteIdeogram({ baseURL, token: TEST_TOKEN }).generate({
      prompt: "a fox",
      num_images: 3,
    });

    expect(response.data).toHaveLength(3);
  });
});
