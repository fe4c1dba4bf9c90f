import { defineConfig } from "vitest/config";

// The playground's pure modules (form → request, issue → field, snippets, labels, page template), in Node.
export default defineConfig({
  root: import.meta.dirname,
  test: {
    name: "playground",
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Pure modules without shared state: one worker can run every file.
    isolate: false,
  },
});
