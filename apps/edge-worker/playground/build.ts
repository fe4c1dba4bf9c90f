// `node playground/build.ts`: bundles the playground page into playground/dist (index.html with
// core's choices rendered in, app.js, app.css, chunks/ and the _headers file with its security
// headers) for Workers static assets. app.js imports the chunks/chunk-*.js files up front (the page
// preloads them); chunks/<module>-*.js load on demand: run.ts (client and answers) on the first
// interaction with the form, mask-painter.ts once a mask field has its image. Their size budgets
// are in the package's .size-limit.json (`size`): the script up front, and all of it.
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { build } from "esbuild";
import { fillTemplate, pageValues } from "./src/page-template.ts";

const root = import.meta.dirname;
const dist = join(root, "dist");

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
const { metafile } = await build({
  entryPoints: [
    { in: join(root, "src/main.ts"), out: "app" },
    { in: join(root, "src/styles.css"), out: "app" },
  ],
  outdir: dist,
  absWorkingDir: root,
  // Chunk names carry their content hash, so a cached chunk is never a stale one.
  chunkNames: "chunks/[name]-[hash]",
  splitting: true,
  metafile: true,
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  target: ["es2022", "chrome111", "firefox113", "safari16.4"],
  legalComments: "none",
  logLevel: "warning",
});

// What app.js loads before any interaction: the chunks it imports statically, transitively.
const distPath = (output: string) => relative(dist, join(root, output));
const upFront = new Set<string>();
const visit = (output: string) => {
  for (const { path, kind } of metafile.outputs[output]?.imports ?? []) {
    if (kind === "import-statement" && !upFront.has(distPath(path))) {
      upFront.add(distPath(path));
      visit(path);
    }
  }
};
visit(relative(root, join(dist, "app.js")));
// size-limit measures the script up front as app.js + chunks/chunk-*.js: a shared chunk that only
// loads on demand would be counted as up front, so it stops the build instead.
const shared = Object.keys(metafile.outputs)
  .map(distPath)
  .filter((path) => /^chunks\/chunk-[^/]*\.js$/.test(path));
const lazyShared = shared.filter((path) => !upFront.has(path));
if (lazyShared.length > 0 || upFront.size !== shared.length) {
  throw new Error(
    `app.js loads ${[...upFront].join(", ") || "no chunk"} up front, but .size-limit.json counts chunks/chunk-*.js (${shared.join(", ")})`,
  );
}
// Choices and limits are rendered from core into the HTML, so they need no script and cost the bundle nothing.
const template = await readFile(join(root, "index.html"), "utf8");
await writeFile(join(dist, "index.html"), fillTemplate(template, pageValues([...upFront].sort())));
await copyFile(join(root, "_headers"), join(dist, "_headers"));
