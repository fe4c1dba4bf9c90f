import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The CLI tests run the built bin, and every test loads @ideokit/core and @ideokit/testing
    // from their dist: build them first when not run through turbo.
    globalSetup: ["../../scripts/vitest-build-first.mjs"],
  },
});
