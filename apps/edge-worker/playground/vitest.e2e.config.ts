import { defineConfig } from "vitest/config";

// The built page in a real Chromium, against a local stand-in for the worker (or PLAYGROUND_URL).
export default defineConfig({
  root: import.meta.dirname,
  test: {
    include: ["e2e/**/*.test.ts"],
    environment: "node",
    globalSetup: ["e2e/support/build-page.ts"],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
