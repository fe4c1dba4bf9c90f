import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The emulator loads @ideokit/core from its dist: build it first when not run through turbo.
    globalSetup: ["../../scripts/vitest-build-first.mjs"],
    // Some operations answer with full-size PNGs (RGBA for generate-transparent): about 1.5 s each on
    // an idle machine, 7 s seen on a 2-core one under `npm test`'s load; the limit only catches hangs.
    testTimeout: 30_000,
  },
});
