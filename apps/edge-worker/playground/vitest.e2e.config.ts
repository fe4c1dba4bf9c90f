import { defineConfig } from "vitest/config";

// The built page (playground/dist) in a real Chromium, served by `wrangler dev` with the worker
// behind it and an emulator upstream (see e2e/support/local-stack-setup.ts), or at PLAYGROUND_URL.
export default defineConfig({
  root: import.meta.dirname,
  test: {
    name: "playground-e2e",
    include: ["e2e/**/*.test.ts"],
    environment: "node",
    globalSetup: ["e2e/support/local-stack-setup.ts"],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Polls wait on round trips through wrangler, workerd and the emulator on a loaded machine.
    expect: { poll: { timeout: 10_000 } },
  },
});
