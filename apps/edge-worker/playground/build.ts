// `node playground/build.ts`: bundles the playground page into playground/dist (index.html with
// core's choices rendered in, app.js, app.css, and the _headers file with its security headers) for
// Workers static assets. Its script's size budget is in the package's .size-limit.json (`size`).
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { build } from "esbuild";
import { fillTemplate, pageValues } from "./src/page-template.ts";

const root = import.meta.dirname;
const dist = join(root, "dist");

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
await build({
  entryPoints: [
    { in: join(root, "src/main.ts"), out: "app" },
    { in: join(root, "src/styles.css"), out: "app" },
  ],
  outdir: dist,
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  target: ["es2022", "chrome111", "firefox113", "safari16.4"],
  legalComments: "none",
  logLevel: "warning",
});
// Choices and limits are rendered from core into the HTML, so they need no script and cost the bundle nothing.
const template = await readFile(join(root, "index.html"), "utf8");
await writeFile(join(dist, "index.html"), fillTemplate(template, pageValues()));
await copyFile(join(root, "_headers"), join(dist, "_headers"));
