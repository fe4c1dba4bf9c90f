import { describe, expect, it } from "vitest";
import { requestIdOf, responseInfo } from "../src/index.ts";

describe("requestIdOf", () => {
  it("reads x-request-id, else request-id, in any case, from a record or a Headers object", () => {
    expect(requestIdOf({ "X-Request-Id": "req_1" })).toBe("req_1");
    expect(requestIdOf(new Headers({ "Request-Id": "req_2" }))).toBe("req_2");
    expect(requestIdOf({ "request-id": "req_3", "x-request-id": "req_4" })).toBe("req_4");
  });

  it("is undefined when the service sent none", () => {
    expect(requestIdOf({ "content-type": "application/json" })).toBeUndefined();
    expect(requestIdOf(new Headers())).toBeUndefined();
    expect(requestIdOf(undefined)).toBeUndefined();
  });
});

describe("responseInfo", () => {
  it("gives the status, lower-cased headers and the request id", () => {
    const headers = new Headers({ "Content-Type": "application/json", "X-Request-Id": "req_5" });

    expect(responseInfo(200, headers)).toEqual({
      status: 200,
      headers: { "content-type": "application/json", "x-request-id": "req_5" },
      requestId: "req_5",
    });
    expect(responseInfo(201, { Date: "Tue, 01 Jan 2030 00:00:00 GMT" })).toEqual({
      status: 201,
      headers: { date: "Tue, 01 Jan 2030 00:00:00 GMT" },
      requestId: undefined,
    });
  });
});
