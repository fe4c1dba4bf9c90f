import { defineConfig } from "vitest/config";

// One run and one JSON report for the package: the worker in workerd, the playground's pure modules
// in Node, and the built playground in a real Chromium against `wrangler dev` (see each config).
export default defineConfig({
  test: {
    // The worker's entry tests log through console.log like production; keep those access lines out
    // of the report (a root option: vitest ignores it in a project's config).
    onConsoleLog: (line) => !line.startsWith('{"request_id"'),
    projects: [
      "./vitest.worker.config.ts",
      "./playground/vitest.config.ts",
      "./playground/vitest.e2e.config.ts",
    ],
  },
});
