import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  errorFromResponse,
  IdeogramError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestValidationError,
  ResponseValidationError,
  redactSecrets,
  UnprocessableEntityError,
} from "../src/index.ts";

describe("errorFromResponse picks the class by status", () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [502, InternalServerError],
    [503, InternalServerError],
    [504, InternalServerError],
    [599, InternalServerError],
  ] as const)("%i → %o", (status, ErrorClass) => {
    const error = errorFromResponse({ status, headers: {}, body: { error: "nope" } });
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(IdeogramError);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.status).toBe(status);
  });

  it.each([402, 405, 408, 418, 451])("%i → plain APIError", (status) => {
    const error = errorFromResponse({ status, body: undefined });
    expect(error.constructor).toBe(APIError);
    expect(error.message).toBe(`${status} status code (no body)`);
  });
});

describe("APIError fields", () => {
  it("lower-cases headers from a record or a Headers object and reads the request id", () => {
    const fromRecord = errorFromResponse({
      status: 500,
      headers: { "X-Request-Id": "req_1", "Set-Cookie": ["a", "b"] },
      body: "",
    });
    expect(fromRecord.headers).toEqual({ "x-request-id": "req_1", "set-cookie": "a, b" });
    expect(fromRecord.requestId).toBe("req_1");
    const fromHeaders = errorFromResponse({
      status: 500,
      headers: new Headers({ "Request-Id": "req_2" }),
      body: "",
    });
    expect(fromHeaders.requestId).toBe("req_2");
  });

  it.each([
    [{ error: "Prompt failed" }, "400 Prompt failed"],
    [{ error: { message: "bad model", type: "invalid" } }, "400 bad model"],
    [{ message: "quota" }, "400 quota"],
    [{ detail: "Invalid input provided." }, "400 Invalid input provided."],
    [
      { detail: [{ msg: "field required" }, { msg: "value is not a valid enum" }] },
      "400 field required; value is not a valid enum",
    ],
    // An HTML page is summarised by its title or the status text (issue 17), never quoted.
    ["<html>Bad gateway</html>", "400 Bad Request (HTML page)"],
    [{ code: 7 }, '400 {"code":7}'],
    [null, "400 status code (no body)"],
    ["   ", "400 status code (no body)"],
  ])("message from body %j", (body, message) => {
    expect(errorFromResponse({ status: 400, body }).message).toBe(message);
  });

  it("truncates long bodies in the message but keeps the body", () => {
    const body = "x".repeat(2000);
    const error = errorFromResponse({ status: 400, body });
    expect(error.message.length).toBeLessThan(520);
    expect(error.body).toBe(body);
  });

  it("exposes the safety text on 422 and retryAfterMs on 429", () => {
    const unsafe = errorFromResponse({
      status: 422,
      body: { error: "failed safety check" },
    }) as UnprocessableEntityError;
    expect(unsafe.error).toBe("failed safety check");
    const limited = errorFromResponse({
      status: 429,
      headers: { "retry-after": "3" },
      body: {},
    }) as RateLimitError;
    expect(limited.retryAfterMs).toBe(3000);
    expect((errorFromResponse({ status: 429, body: {} }) as RateLimitError).retryAfterMs).toBeUndefined();
  });

  it("serialises to a plain object with toJSON", () => {
    const error = errorFromResponse({
      status: 401,
      headers: { "x-request-id": "r" },
      body: { error: "bad key" },
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "AuthenticationError",
      message: "401 bad key",
      status: 401,
      requestId: "r",
      body: { error: "bad key" },
    });
  });
});

describe("the API key never leaks", () => {
  const key = "sk-live-SECRET-1234567890";
  const everything = (error: Error) =>
    [
      error.message,
      String(error),
      error.stack ?? "",
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
    ].join("\n");

  it.each([400, 401, 422, 429, 500])("from a %i body, headers and message that echo it", (status) => {
    const error = errorFromResponse({
      status,
      headers: { "x-echo": `Bearer ${key}`, "retry-after": "1" },
      body: { error: `invalid key ${key}`, detail: { [key]: [key] } },
      secrets: [key],
    });
    expect(everything(error)).not.toContain(key);
    expect(error.message).toContain("[redacted]");
  });

  it("from a connection error whose cause mentions it", () => {
    const cause = new Error(`connect failed for Authorization: Bearer ${key}`);
    const error = new APIConnectionError({ cause, secrets: [key] });
    expect(everything(error)).not.toContain(key);
    expect((error.cause as Error).message).toBe("connect failed for Authorization: Bearer [redacted]");
  });

  it("redactSecrets replaces every occurrence and ignores empty secrets", () => {
    expect(redactSecrets(`a ${key} b ${key}`, ["", key])).toBe("a [redacted] b [redacted]");
    expect(redactSecrets("nothing here", [key])).toBe("nothing here");
  });
});

describe("transport and validation errors", () => {
  it("have openai-style defaults and hierarchy", () => {
    const cause = new Error("ECONNRESET");
    const connection = new APIConnectionError({ cause });
    expect(connection.message).toBe("Connection error.");
    expect(connection.cause).toBe(cause);
    const timeout = new APITimeoutError();
    expect(timeout).toBeInstanceOf(APIConnectionError);
    expect(timeout.message).toBe("Request timed out.");
    expect(timeout.name).toBe("APITimeoutError");
    const abort = new APIUserAbortError();
    expect(abort).toBeInstanceOf(IdeogramError);
    expect(abort).not.toBeInstanceOf(APIConnectionError);
    expect(abort.message).toBe("Request was aborted.");
  });

  it("carry their issues", () => {
    const issues = [
      {
        path: ["seed"],
        code: "too_small" as const,
        message: "must be an integer from 0 to 2147483647, got -1",
      },
    ];
    expect(new RequestValidationError(issues).issues).toBe(issues);
    expect(new ResponseValidationError(issues).message).toBe(
      "Unexpected generate response (1 issue):\n  - seed: must be an integer from 0 to 2147483647, got -1",
    );
  });
});
