import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // A CLI test spawns up to three Node processes, about 2.5 s on a busy 2-core machine: the limit
    // keeps a margin of more than 5x (it only has to catch a hang).
    testTimeout: 20_000,
  },
});
