import { defineConfig } from "tsdown";

export default defineConfig([
  {
    entry: ["src/index.ts", "src/node.ts", "src/chromium.ts", "src/spec.ts", "src/vitest.ts"],
    format: ["esm", "cjs"],
    platform: "neutral",
    // Only the ./node, ./chromium, ./spec and ./vitest (through ./node) entries import node:
    // built-ins; the main entry stays runtime-neutral.
    deps: { neverBundle: [/^node:/] },
    dts: true,
    sourcemap: true,
  },
  {
    entry: ["src/bin.ts"],
    format: ["esm"],
    platform: "node",
    dts: false,
    clean: false,
  },
]);
