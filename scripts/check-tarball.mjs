// `node ../../scripts/check-tarball.mjs` in a published package (its check:package step): the
// tarball `pnpm pack` would publish must carry the licence it declares, next to its README.
// publint and attw check the exports and types, not which top-level files ship.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

const REQUIRED = ["LICENSE", "README.md", "package.json"];
const manifest = JSON.parse(readFileSync("package.json", "utf8"));
const packed = JSON.parse(execFileSync("pnpm", ["pack", "--dry-run", "--json"], { encoding: "utf8" }));
const files = new Set(packed.files.map((file) => file.path));
const missing = REQUIRED.filter((name) => !files.has(name));
if (missing.length > 0) {
  console.error(
    `${manifest.name}: the tarball lacks ${missing.join(", ")} (add it to "files" and the package folder)`,
  );
  process.exit(1);
}
// pnpm pack falls back to the workspace root's LICENSE; npm pack does not: keep a copy here.
if (!existsSync("LICENSE")) {
  console.error(`${manifest.name}: no LICENSE in the package folder (copy the root LICENSE)`);
  process.exit(1);
}
if (manifest.license !== "MIT" || !readFileSync("LICENSE", "utf8").startsWith("MIT License")) {
  console.error(`${manifest.name}: "license" says ${manifest.license}, the LICENSE file disagrees`);
  process.exit(1);
}
console.log(`${manifest.name}: tarball carries ${REQUIRED.join(", ")} (${files.size} files)`);
