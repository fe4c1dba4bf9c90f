import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Some operations answer with full-size PNGs (RGBA for generate-transparent): about 1.5 s each on
    // an idle machine, 7 s seen on a 2-core one under `npm test`'s load; the limit only catches hangs.
    testTimeout: 30_000,
  },
});
