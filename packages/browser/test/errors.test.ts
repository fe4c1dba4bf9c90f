import * as core from "@ideokit/core";
import type { FaultKind } from "@ideokit/testing";
import { describe, expect, test } from "vitest";
import { commands } from "vitest/browser";
import * as main from "../src/index.ts";
import {
  APIConnectionError,
  type APIError,
  AuthenticationError,
  BadRequestError,
  createClient,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  ResponseValidationError,
  UnprocessableEntityError,
} from "../src/index.ts";
import * as lite from "../src/lite.ts";
import {
  baseURL,
  generateCalls,
  rateLimitedBaseURL,
  rejectionOf,
  TEST_TOKEN,
  useFreshEmulators,
} from "./support.ts";

useFreshEmulators();

const once = { maxRetries: 0 };

describe("each error status rejects with its core class", () => {
  test("400 → BadRequestError with the service's explanation", async () => {
    const client = createClient({ baseURL, token: TEST_TOKEN, validate: false });
    const error = await rejectionOf(client.generate({ prompt: "a fox", seed: -1 }, once));

    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).status).toBe(400);
    expect((error as BadRequestError).message).toMatch(/seed/);
  });

  test("401 → AuthenticationError, whose message, body and JSON never contain the token", async () => {
    const wrongToken = "wrong-token-0123456789";
    const client = createClient({ baseURL, token: wrongToken });
    const error = await rejectionOf(client.generate({ prompt: "a fox" }, once));

    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expect(JSON.stringify(error)).not.toContain(wrongToken);
    expect((error as AuthenticationError).message).not.toContain(wrongToken);
  });

  test("404 → NotFoundError", async () => {
    const client = createClient({ baseURL: `${baseURL}/nowhere`, token: TEST_TOKEN });
    const error = await rejectionOf(client.generate({ prompt: "a fox" }, once));

    expect(error).toBeInstanceOf(NotFoundError);
  });

  test("422 → UnprocessableEntityError carrying the safety explanation", async () => {
    const client = createClient({ baseURL, token: TEST_TOKEN });
    const error = await rejectionOf(client.generate({ prompt: "an nsfw scene" }));

    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as UnprocessableEntityError).error).toMatch(/safety/i);
    expect(await generateCalls()).toHaveLength(1);
  });

  test("429 → RateLimitError with the Retry-After delay", async () => {
    const client = createClient({ baseURL: rateLimitedBaseURL, token: TEST_TOKEN });
    await client.generate({ prompt: "first" });
    const error = await rejectionOf(client.generate({ prompt: "second" }, once));

    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(1000);
  });

  test.for<FaultKind>(["500", "502", "503"])(
    "%s → InternalServerError with the request id",
    async (fault) => {
      const client = createClient({ baseURL, token: TEST_TOKEN, headers: { "x-emulator-fault": fault } });
      const error = await rejectionOf(client.generate({ prompt: "a fox" }, once));

      expect(error).toBeInstanceOf(InternalServerError);
      expect((error as APIError).status).toBe(Number(fault));
      const [call] = await generateCalls();
      expect((error as APIError).requestId).toBe(call?.id);
    },
  );
});

describe("failures without a usable answer", () => {
  test("a dropped connection → APIConnectionError", async () => {
    const client = createClient({ baseURL, token: TEST_TOKEN, headers: { "x-emulator-fault": "reset" } });
    const error = await rejectionOf(client.generate({ prompt: "a fox" }, once));

    expect(error).toBeInstanceOf(APIConnectionError);
  });

  test("an unreachable server → APIConnectionError", async () => {
    const client = createClient({ baseURL: await commands.unusedPortURL(), token: TEST_TOKEN });
    const error = await rejectionOf(client.generate({ prompt: "a fox" }, once));

    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as APIConnectionError).cause).toBeInstanceOf(TypeError);
  });

  test("a 200 whose body is not JSON → ResponseValidationError", async () => {
    const client = createClient({ baseURL, token: TEST_TOKEN, headers: { "x-emulator-fault": "malformed" } });
    const error = await rejectionOf(client.generate({ prompt: "a fox" }, once));

    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).message).toMatch(/not valid JSON/);
    expect((error as ResponseValidationError).issues.map((issue) => issue.code)).toEqual(["invalid_json"]);
  });

  test("a 200 whose JSON is cut short → ResponseValidationError", async () => {
    const client = createClient({ baseURL, token: TEST_TOKEN, headers: { "x-emulator-fault": "truncated" } });
    const error = await rejectionOf(client.generate({ prompt: "a fox" }, once));

    expect(error).toBeInstanceOf(ResponseValidationError);
  });
});

describe("exports", () => {
  const coreErrorClasses = Object.entries(core).filter(
    ([, value]) =>
      typeof value === "function" &&
      (value === core.IdeogramError || value.prototype instanceof core.IdeogramError),
  );

  // One class object per error, so `instanceof` holds for classes imported from this package.
  test("the main entry re-exports every error class of @ideokit/core as the same class", () => {
    expect(coreErrorClasses.length).toBeGreaterThanOrEqual(16);
    const exported = new Map(Object.entries(main));
    for (const [name, value] of coreErrorClasses) expect(exported.get(name), name).toBe(value);
  });

  test("/lite re-exports each of them but RequestValidationError, which it never throws", () => {
    const exported = new Map(Object.entries(lite));
    for (const [name, value] of coreErrorClasses) {
      if (name !== "RequestValidationError") expect(exported.get(name), name).toBe(value);
    }
  });
});
