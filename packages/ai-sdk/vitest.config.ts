import { defineConfig } from "vitest/config";

// One run and one report: the provider in Node against a real socket, and in workerd.
export default defineConfig({
  test: {
    // The emulator loads @ideokit/core from its dist: build it first when not run through turbo.
    globalSetup: ["../../scripts/vitest-build-first.mjs"],
    projects: [
      {
        test: {
          name: "node",
          include: ["test/*.test.ts"],
          setupFiles: ["test/setup.ts"],
          testTimeout: 15_000,
          typecheck: { enabled: true, include: ["test/*.test-d.ts"], tsconfig: "./tsconfig.json" },
        },
      },
      "./vitest.workerd.config.ts",
    ],
  },
});
