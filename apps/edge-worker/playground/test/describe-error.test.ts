import {
  APIConnectionError,
  APITimeoutError,
  errorFromResponse,
  RequestValidationError,
  validateImageRequest,
} from "@ideokit/core";
import { describe, expect, it } from "vitest";
import { describeError, describeIssues } from "../src/describe-error.ts";

describe("describeError", () => {
  it("titles an API error with its status and shows the worker's message and request id", () => {
    const error = errorFromResponse({
      status: 503,
      headers: { "x-request-id": "req-42" },
      body: { error: { type: "service_unavailable", message: "No upstream key is configured." } },
    });
    expect(describeError(error)).toEqual({
      title: "Error 503",
      message: "No upstream key is configured.",
      requestId: "req-42",
    });
  });

  it("reads the upstream's problem+json and its 422 safety answer", () => {
    expect(
      describeError(errorFromResponse({ status: 500, body: { detail: "Emulator error: boom" } })).message,
    ).toBe("Emulator error: boom");
    const rejected = describeError(
      errorFromResponse({ status: 422, body: { error: "Prompt provided failed safety check." } }),
    );
    expect(rejected).toEqual({ title: "Error 422", message: "Prompt provided failed safety check." });
  });

  it("tells how long to wait after a 429 and where the token goes after a 401", () => {
    const limited = describeError(
      errorFromResponse({
        status: 429,
        headers: { "retry-after": "7" },
        body: { error: { message: "Slow down." } },
      }),
    );
    expect(limited.message).toBe("Slow down. Try again in 7 s.");
    const unauthorized = describeError(
      errorFromResponse({ status: 401, body: { error: { message: "No." } } }),
    );
    expect(unauthorized.message).toMatch(/^No\. .*Access token/);
  });

  it("says so when the body explains nothing", () => {
    expect(describeError(errorFromResponse({ status: 502, body: "" })).message).toBe(
      "The worker gave no details.",
    );
  });

  it("describes transport failures and anything else thrown", () => {
    expect(describeError(new APITimeoutError()).title).toBe("Timed out");
    const offline = describeError(new APIConnectionError({ cause: new TypeError("Failed to fetch") }));
    expect(offline.title).toBe("Cannot reach the worker");
    expect(describeError(new RangeError("odd"))).toEqual({ title: "RangeError", message: "odd" });
    expect(describeError("plain string")).toEqual({ title: "Error", message: "plain string" });
  });
});

describe("describeIssues", () => {
  it("lists each issue with its path as core formats it", () => {
    let issues: RequestValidationError["issues"] = [];
    try {
      validateImageRequest({ prompt: "x", magic_prompt_version: "V_9", colour: 1 });
    } catch (error) {
      if (error instanceof RequestValidationError) issues = error.issues;
    }
    expect(issues).toHaveLength(2);
    const notice = describeIssues(issues);
    expect(notice.title).toBe("Invalid request");
    expect(notice.message.split("\n")).toEqual(
      issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    );
  });
});
