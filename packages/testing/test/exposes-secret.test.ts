import { describe, expect, it } from "vitest";
import { exposesSecret } from "../src/index.ts";

const KEY = "sk-upstream-3f9c2a7e51d84b06";

const base64url = (text: string) => btoa(text).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");

describe("exposesSecret", () => {
  it.each([
    ["as it is", KEY],
    ["in another case", KEY.toUpperCase()],
    ["percent-encoded", KEY.replaceAll("-", "%2D")],
    ["percent-encoded twice", encodeURIComponent(KEY.replaceAll("-", "%2D"))],
    ["base64", btoa(KEY)],
    ["base64url, unpadded, after other bytes", base64url(`Bearer ${KEY}`)],
    ["base64 of JSON holding it", btoa(`{"k":"${KEY}"}`)],
    ["base64 at each alignment", btoa(`.${KEY}`)],
    ["base64 at the next alignment", btoa(`..${KEY}`)],
  ])("finds the key %s", (_, form) => {
    expect(exposesSecret(`x ${form} y`, KEY)).toBe(true);
  });

  it.each([
    ["a shorter key", KEY.slice(0, -1)],
    ["the base64 of a shorter key", btoa(KEY.slice(0, -1))],
    ["an unrelated base64 run", btoa("a lighthouse at dusk, oil painting")],
    ["a stray percent sign", "100% sk-upstream"],
  ])("does not flag %s", (_, text) => {
    expect(exposesSecret(`x ${text} y`, KEY)).toBe(false);
  });
});
