import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { type FlatRun, zlibFlatRows } from "../src/png/zlib-flat-rows.ts";

// The public API only feeds this encoder the emulator's own pictures; these cases check it on
// arbitrary runs against a plain reference (Sub-filtered scanlines built byte by byte), with
// node:zlib as the decoder (which also verifies the Adler-32 trailer).

function subFilteredScanlines(width: number, rows: FlatRun[][]): Uint8Array {
  const stride = 1 + width * 3;
  const out = new Uint8Array(rows.length * stride);
  rows.forEach((runs, y) => {
    const pixels = new Uint8Array(width * 3);
    runs.forEach((run, i) => {
      for (let x = run.x; x < Math.min(width, runs[i + 1]?.x ?? width); x++) pixels.set(run.rgb, x * 3);
    });
    out[y * stride] = 1;
    for (let i = 0; i < width * 3; i++)
      out[y * stride + 1 + i] = (pixels[i]! - (i >= 3 ? pixels[i - 3]! : 0)) & 0xff;
  });
  return out;
}

function randomRows(width: number, height: number, seed: number): FlatRun[][] {
  let state = seed;
  const next = (limit: number) => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return (state >>> 8) % limit;
  };
  return Array.from({ length: height }, () => {
    const starts = [0, ...Array.from({ length: next(5) }, () => next(width + 2))].sort((a, b) => a - b);
    return starts.map((x) => ({ x, rgb: [next(256), next(256), next(256)] as const }));
  });
}

describe("zlibFlatRows", () => {
  it.each([
    ["a 1x1 picture", 1, [[{ x: 0, rgb: [255, 0, 128] as const }]]],
    ["one black row (zeros from the first byte)", 400, [[{ x: 0, rgb: [0, 0, 0] as const }]]],
    [
      "runs of 86, 87 and 88 pixels (zero runs around the 258-byte match limit)",
      261,
      [
        [
          { x: 0, rgb: [1, 2, 3] as const },
          { x: 86, rgb: [4, 5, 6] as const },
          { x: 173, rgb: [7, 8, 9] as const },
        ],
      ],
    ],
    ["random runs, including empty and out-of-range ones", 97, randomRows(97, 300, 1)],
    ["a wide random picture", 1536, randomRows(1536, 64, 2)],
  ])("inflates to the Sub-filtered scanlines of %s", (_, width, rows) => {
    const expected = subFilteredScanlines(width, rows as FlatRun[][]);
    expect(new Uint8Array(inflateSync(zlibFlatRows(width, rows as FlatRun[][])))).toEqual(expected);
  });

  it("packs a 1024x1024 picture of three runs per row into a few tens of kilobytes", () => {
    const rows = randomRows(1024, 1024, 3).map((runs) => runs.slice(0, 3));
    expect(zlibFlatRows(1024, rows).length).toBeLessThan(64_000);
  });
});
