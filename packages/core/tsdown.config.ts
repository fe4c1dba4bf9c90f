import { defineConfig } from "tsdown";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  platform: "neutral",
  // The src-only project: the default tsconfig.json also holds the tests, and declarations would be
  // written next to the files they import from other packages.
  tsconfig: "tsconfig.src.json",
  dts: true,
  sourcemap: true,
});
