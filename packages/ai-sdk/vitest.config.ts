import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The emulator loads @ideokit/core from its dist: build it first when not run through turbo.
    globalSetup: ["../../scripts/vitest-build-first.mjs"],
    include: ["test/**/*.test.ts"],
    exclude: ["test/workerd/**"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 15_000,
  },
});
