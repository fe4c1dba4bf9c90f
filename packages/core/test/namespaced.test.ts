import { describe, expect, expectTypeOf, it } from "vitest";
import { type Namespaced, namespaced, OPERATIONS } from "../src/index.ts";

describe("namespaced", () => {
  it("puts ids without a dot at the top level and the others under their namespace", () => {
    const methods = { generate: 1, "v3.edit": 2, "v3.replaceBackground": 3, "v4.generate": 4 };
    const tree = namespaced(methods);

    expect(tree).toEqual({ generate: 1, v3: { edit: 2, replaceBackground: 3 }, v4: { generate: 4 } });
    expectTypeOf(tree).toEqualTypeOf<Namespaced<typeof methods>>();
    expectTypeOf(tree.v3.replaceBackground).toEqualTypeOf<number>();
    expectTypeOf(tree.v4).toEqualTypeOf<{ readonly generate: number }>();
  });

  it("gives every operation of the table a distinct place", () => {
    const ids = Object.fromEntries(OPERATIONS.map((operation) => [operation.id, operation.id]));
    const tree = namespaced(ids) as Record<string, unknown>;

    const placed = Object.values(tree).flatMap((value) =>
      typeof value === "string" ? [value] : Object.values(value as Record<string, string>),
    );
    expect(placed.sort()).toEqual(OPERATIONS.map((operation) => operation.id).sort());
    expect(Object.keys(tree).sort()).toEqual(
      [
        "describe",
        "edit",
        "editImages",
        "generate",
        "magicPrompt",
        "reframe",
        "remix",
        "upscale",
        "v3",
        "v4",
      ].sort(),
    );
  });
});
