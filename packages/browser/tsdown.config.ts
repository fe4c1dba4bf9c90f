import { defineConfig } from "tsdown";

export default defineConfig({
  entry: ["src/index.ts", "src/lite.ts"],
  format: ["esm", "cjs"],
  platform: "browser",
  dts: true,
  sourcemap: true,
});
