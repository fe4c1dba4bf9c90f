// The body of `npm test`: lint, then the published packages' README examples, export coverage and
// TSDoc (scripts/check-readme-examples.mjs), then every package's typecheck, build, tests, package
// checks and size budgets through turbo, then one summary line over all vitest reports so a reader
// (or CI) sees the totals last. Exits non-zero when any step fails.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const reportPaths = ["packages", "apps", "tests"].flatMap((group) =>
  readdirSync(join(root, group)).map((name) => join(root, group, name, "test-artifacts", "vitest.json")),
);

function step(label, command, args) {
  process.stderr.write(`\n[ideokit] ${label}\n`);
  const result = spawnSync(command, args, { stdio: "inherit", cwd: root, env: process.env });
  return result.status === 0;
}

for (const path of reportPaths) rmSync(path, { force: true });
const lintOk = step("biome ci", "biome", ["ci", "."]);
const readmeOk = step("README examples, exports and TSDoc", process.execPath, [
  join(root, "scripts", "check-readme-examples.mjs"),
]);
const turboOk = step("turbo: typecheck build test check:package size", "turbo", [
  "run",
  "typecheck",
  "build",
  "test",
  "check:package",
  "size",
  "--output-logs=new-only",
  "--continue",
  ...(process.env.CI ? ["--concurrency=2"] : []),
]);

let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
for (const path of reportPaths) {
  if (!existsSync(path)) continue;
  const report = JSON.parse(readFileSync(path, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  rows.push(
    `  ${path
      .slice(root.length + 1)
      .split("/test-artifacts")[0]
      .padEnd(24)} ${report.numPassedTests} passed, ${report.numFailedTests} failed`,
  );
}
process.stdout.write(`\n${rows.join("\n")}\n`);
process.stdout.write(
  `lint ${lintOk ? "ok" : "FAILED"}, README examples ${readmeOk ? "ok" : "FAILED"}, turbo tasks ${turboOk ? "ok" : "FAILED"}\n`,
);
process.stdout.write(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(lintOk && readmeOk && turboOk && failed === 0 && rows.length > 0 ? 0 : 1);
