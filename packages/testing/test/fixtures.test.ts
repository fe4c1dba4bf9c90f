import { parseGenerateResponse, validateGenerateRequest } from "@ideokit/core";
import { describe, expect, it } from "vitest";
import { type Fixtures, fixtures } from "../src/index.ts";

describe("fixtures", () => {
  it("holds the documented examples, valid by core's own rules", () => {
    expect(validateGenerateRequest(fixtures.seedPageRequest)).toEqual(fixtures.seedPageRequest);
    expect(validateGenerateRequest(fixtures.officialRequest)).toEqual(fixtures.officialRequest);
    expect(parseGenerateResponse(fixtures.seedPageResponse).data[0]!.resolution).toBe("768x1232");
    expect(parseGenerateResponse(fixtures.officialResponse).data).toHaveLength(2);
    expect(fixtures.officialSafetyError.error).toMatch(/safety check/);
  });

  it("are frozen so one test cannot change them for another", () => {
    expect(Object.isFrozen(fixtures.seedPageRequest.image_request)).toBe(true);
    expect(() => {
      (fixtures.seedPageResponse.data[0] as { seed: number }).seed = 1;
    }).toThrow(TypeError);
    const copy = structuredClone(fixtures.seedPageRequest) as Fixtures["seedPageRequest"];
    copy.image_request.seed = 5;
    expect(copy.image_request.seed).toBe(5);
  });

  it("are typed read-only at every depth, so writing to them does not compile", () => {
    expect(() => {
      // @ts-expect-error: a property of a nested object is read-only
      fixtures.seedPageRequest.image_request.seed = 1;
    }).toThrow(TypeError);
    expect(() => {
      // @ts-expect-error: an array is read-only
      fixtures.officialResponse.data.pop();
    }).toThrow(TypeError);
    expect(() => {
      // @ts-expect-error: an element of an array is read-only
      fixtures.seedPageResponse.data[0]!.url = null;
    }).toThrow(TypeError);
    expect(fixtures.seedPageResponse.data[0]!.url).toMatch(/^https:/);
  });
});
