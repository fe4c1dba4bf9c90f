import { describe, expect, test } from "vitest";
import { commands } from "vitest/browser";
import {
  BadRequestError,
  createClient,
  InternalServerError,
  ResponseValidationError,
  UnprocessableEntityError,
} from "../src/index.ts";
import {
  baseURL,
  generateCalls,
  rateLimitedBaseURL,
  rejectionOf,
  TEST_TOKEN,
  useFreshEmulators,
} from "./support.ts";

useFreshEmulators();

const client = createClient({ baseURL, token: TEST_TOKEN });

describe("retries follow core's policy", () => {
  test("a 503 is retried and the next answer is returned", async () => {
    await commands.queueFaults(1, "503");
    const response = await client.generate({ prompt: "a fox" });

    expect(response.data).toHaveLength(1);
    const calls = await generateCalls();
    expect(calls.map((call) => call.status)).toEqual([503, 200]);
    expect(calls[1]?.body).toEqual(calls[0]?.body);
  });

  // Chrome itself re-sends once when a reused keep-alive socket drops, so who retried is not observable here.
  test("a dropped connection does not reach the caller when a re-send succeeds", async () => {
    await commands.queueFaults(1, "reset");
    const response = await client.generate({ prompt: "a fox" });

    expect(response.data).toHaveLength(1);
    expect(await generateCalls()).toHaveLength(2);
  });

  test("5xx answers are retried maxRetries times, then the last error is thrown", async () => {
    await commands.queueFaults(2, "500");
    const error = await rejectionOf(client.generate({ prompt: "a fox" }, { maxRetries: 1 }));

    expect(error).toBeInstanceOf(InternalServerError);
    expect(await generateCalls()).toHaveLength(2);
  });

  test("maxRetries: 0 sends once", async () => {
    await commands.queueFaults(1, "502");
    const error = await rejectionOf(client.generate({ prompt: "a fox" }, { maxRetries: 0 }));

    expect(error).toBeInstanceOf(InternalServerError);
    expect(await generateCalls()).toHaveLength(1);
  });

  test("the client's maxRetries applies when the call gives none", async () => {
    await commands.queueFaults(1, "503");
    const error = await rejectionOf(
      createClient({ baseURL, token: TEST_TOKEN, maxRetries: 0 }).generate({ prompt: "a fox" }),
    );

    expect(error).toBeInstanceOf(InternalServerError);
    expect(await generateCalls()).toHaveLength(1);
  });

  test("a 429 is retried after the Retry-After the service asked for", async () => {
    const limited = createClient({ baseURL: rateLimitedBaseURL, token: TEST_TOKEN });
    await limited.generate({ prompt: "first" });
    const response = await limited.generate({ prompt: "second" });

    expect(response.data).toHaveLength(1);
    const [, refused, retried] = await generateCalls("rateLimited");
    expect(refused?.status).toBe(429);
    expect(retried?.status).toBe(200);
    // Retry-After: 1 means the retry may not arrive sooner than a second after the refusal.
    expect(retried!.time - refused!.time).toBeGreaterThanOrEqual(1000);
  });

  test.each([
    ["400", { prompt: "a fox", seed: -1 }, BadRequestError],
    ["422", { prompt: "an nsfw scene" }, UnprocessableEntityError],
  ] as const)("a %s is not retried", async (_status, request, ErrorClass) => {
    const error = await rejectionOf(
      createClient({ baseURL, token: TEST_TOKEN, validate: false }).generate(request),
    );

    expect(error).toBeInstanceOf(ErrorClass);
    expect(await generateCalls()).toHaveLength(1);
  });

  test("a 200 that is not JSON is not retried", async () => {
    await commands.queueFaults(1, "malformed");
    const error = await rejectionOf(client.generate({ prompt: "a fox" }));

    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(await generateCalls()).toHaveLength(1);
  });
});
