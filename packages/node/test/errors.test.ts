import * as core from "@ideokit/core";
import { describe, expect, it } from "vitest";
import * as node from "../src/index.ts";
import {
  APIConnectionError,
  type APIError,
  AuthenticationError,
  BadRequestError,
  IdeogramError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  ResponseValidationError,
  UnprocessableEntityError,
} from "../src/index.ts";
import { API_KEY, captureDebugLog, clientFor, useEmulator } from "./helpers.ts";

const emulator = useEmulator({ rateLimit: { requests: 1, perMs: 60_000 } });

describe("error statuses", () => {
  it("maps 400 to BadRequestError with the upstream message", async () => {
    const error = await clientFor(emulator(), { validate: false, maxRetries: 0 })
      .generate({ prompt: "a fox", colour: "red" } as never)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, requestId: emulator().requests[0]?.id });
    expect((error as Error).message).toContain("colour");
  });

  it("maps 401 to AuthenticationError without leaking the key", async () => {
    const wrongKey = "sk-wrong-key-that-must-not-leak";
    const error = await clientFor(emulator(), { apiKey: wrongKey })
      .generate({ prompt: "a fox" })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as APIError).status).toBe(401);
    expect(JSON.stringify(error)).not.toContain(wrongKey);
    expect((error as Error).message).not.toContain(wrongKey);
    expect(emulator().requests).toHaveLength(1);
  });

  it("maps 404 to NotFoundError", async () => {
    const error = await clientFor(emulator(), { baseURL: `${emulator().url}/v9` })
      .generate({ prompt: "a fox" })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(NotFoundError);
    expect(emulator().requests).toHaveLength(1);
  });

  it("maps 422 to UnprocessableEntityError with the safety explanation", async () => {
    const error = await clientFor(emulator())
      .generate({ prompt: "something nsfw" })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as UnprocessableEntityError).error).toMatch(/safety check/);
    expect(emulator().requests).toHaveLength(1);
  });

  it("maps 429 to RateLimitError carrying Retry-After", async () => {
    const client = clientFor(emulator(), { apiKey: API_KEY, maxRetries: 0 });
    await client.generate({ prompt: "first" });
    const error = await client.generate({ prompt: "second" }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBeGreaterThan(0);
  });

  it.each(["500", "502", "503"] as const)("maps a %s to InternalServerError", async (status) => {
    emulator().faults.next(1, status);
    const error = await clientFor(emulator(), { maxRetries: 0 })
      .generate({ prompt: "a fox" })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as APIError).status).toBe(Number(status));
  });
});

describe("broken answers", () => {
  it("turns a dropped connection into APIConnectionError", async () => {
    emulator().faults.next(1, "reset");
    const error = await clientFor(emulator(), { maxRetries: 0 })
      .generate({ prompt: "a fox" })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it.each(["malformed", "truncated"] as const)(
    "turns a %s JSON body into ResponseValidationError",
    async (kind) => {
      emulator().faults.next(1, kind);
      const error = await clientFor(emulator(), { maxRetries: 0 })
        .generate({ prompt: "a fox" })
        .catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(ResponseValidationError);
      expect((error as Error).message).toMatch(/not valid JSON/);
      expect((error as ResponseValidationError).issues.map((issue) => issue.code)).toEqual(["invalid_json"]);
    },
  );
});

describe("a request undici cannot send", () => {
  it("fails at once with a message naming the header, not as a retried connection error", async () => {
    const log = captureDebugLog();
    const keyFromAFile = `${API_KEY}\n`;
    const error = await clientFor(emulator(), { apiKey: keyFromAFile, env: { IDEOGRAM_LOG: "debug" } })
      .generate({ prompt: "a fox" })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(IdeogramError);
    expect(error).not.toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toMatch(
      /^Cannot send the request: invalid authorization header .*line breaks/i,
    );
    expect((error as Error).message).not.toContain(API_KEY);
    expect(log.lines).toEqual([expect.stringMatching(/IdeogramError attempt 1\/3 \d+ms\n$/)]);
    expect(emulator().requests).toHaveLength(0);
  });
});

describe("exports", () => {
  // With one class object per error, `instanceof` holds whichever entry point (ESM or CJS) the
  // caller imports the classes from, as long as it is this package's.
  it("re-exports every error class of @ideokit/core as the same class", () => {
    const coreErrorClasses = Object.entries(core).filter(
      ([, value]) =>
        typeof value === "function" &&
        (value === core.IdeogramError || value.prototype instanceof core.IdeogramError),
    );

    expect(coreErrorClasses.length).toBeGreaterThanOrEqual(16);
    const exported = new Map(Object.entries(node));
    for (const [name, value] of coreErrorClasses) expect(exported.get(name), name).toBe(value);
  });
});
