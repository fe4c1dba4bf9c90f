// `node playground/build.ts`: bundles the playground page into playground/dist (index.html with
// core's choices rendered in, app.js, app.css, and the _headers file with its security headers) for
// Workers static assets, and fails when the gzipped script outgrows its budget.
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { fillTemplate, pageValues } from "./src/page-template.ts";

const JS_BUDGET_BYTES = 20 * 1024;
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

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;
let overBudget = false;
for (const name of ["app.js", "app.css", "index.html"]) {
  const bytes = await readFile(join(dist, name));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const budget = name === "app.js" ? ` (budget ${kb(JS_BUDGET_BYTES)})` : "";
  console.log(`playground/dist/${name}: ${kb(bytes.length)} raw, ${kb(gzip)} gzip${budget}`);
  if (name === "app.js" && gzip > JS_BUDGET_BYTES) overBudget = true;
}
if (overBudget) {
  console.error("app.js is over its gzip budget");
  process.exit(1);
}
