import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // *.test-d.ts files hold the type tests: invalid combinations must stay compile errors.
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    // The property tests (FC_RUNS, default 400 runs) take up to about 2 s on a busy 2-core machine:
    // the limit keeps a margin of more than 5x (it only has to catch a hang).
    testTimeout: 15_000,
  },
});
