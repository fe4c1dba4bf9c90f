import { defineConfig } from "tsdown";

export default defineConfig([
  {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    platform: "node",
    fixedExtension: false,
    dts: true,
    sourcemap: true,
  },
  {
    // The bin is ESM only: it is run, never imported, and commander ships ESM only.
    entry: ["src/cli.ts"],
    format: ["esm"],
    platform: "node",
    fixedExtension: false,
    dts: false,
    sourcemap: true,
    // Both configs write to dist/: only the first may clean it.
    clean: false,
  },
]);
