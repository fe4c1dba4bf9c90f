import { describe, it } from "vitest";
import type { FaultCase, MatrixPath } from "../../../src/fault-matrix.ts";
import { runDownloadCase, runGenerateCase, type Target } from "./run-case.ts";

/** Declares one test per matrix row for `path`; rows with a known bug on this path are expected failures. */
export function describeMatrix(
  path: MatrixPath,
  target: () => Target,
  cases: { generate: FaultCase[]; download: FaultCase[] },
): void {
  const rows = (kind: "generate" | "saveImages", list: FaultCase[], run: typeof runGenerateCase) =>
    describe(`${path}: ${kind}`, () => {
      for (const testCase of list) {
        const name = `${testCase.label} → ${testCase.error}, ${testCase.attempts} attempt(s)`;
        it(name, async () => {
          await run(target(), testCase);
        });
      }
    });
  rows("generate", cases.generate, runGenerateCase);
  rows("saveImages", cases.download, runDownloadCase);
}
