import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // *.test-d.ts files hold the type tests: invalid combinations must stay compile errors.
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
