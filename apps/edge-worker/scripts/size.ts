// Prints the gzip size of the bundle `wrangler deploy --dry-run --outdir dist` wrote, and fails
// above the budget: the worker should stay far below Cloudflare's limits and start fast.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_BYTES = 100 * 1024;
const dist = join(import.meta.dirname, "..", "dist");

let files: string[];
try {
  files = readdirSync(dist).filter((name) => name.endsWith(".js"));
} catch {
  files = [];
}
if (files.length === 0) {
  console.error("no bundle in dist/: run `pnpm run build` first");
  process.exit(1);
}

let raw = 0;
let gzip = 0;
for (const name of files) {
  const bytes = readFileSync(join(dist, name));
  raw += bytes.length;
  gzip += gzipSync(bytes, { level: 9 }).length;
}
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;
console.log(`edge-worker bundle: ${kb(raw)} raw, ${kb(gzip)} gzip (budget ${kb(BUDGET_BYTES)} gzip)`);
if (gzip > BUDGET_BYTES) {
  console.error(`over budget by ${kb(gzip - BUDGET_BYTES)}`);
  process.exit(1);
}
