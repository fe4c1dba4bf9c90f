// The body of `npm test`: lint and the root scripts' tests, then every package's typecheck, build,
// tests, package checks and size budgets through turbo, then the published packages' API docs and
// README examples on what was built (scripts/check-docs.mjs), then one summary line over all vitest
// reports so a reader (or CI) sees the totals last. A failed step is named in the summary with its reason (exit code, or why it could
// not start) and the last lines it printed, so the verdict never needs scrolling back.
// Exits non-zero when any step fails.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { delimiter, join } from "node:path";

const root = join(import.meta.dirname, "..");
const TAIL_LINES = 30;
const reportPaths = ["packages", "apps", "tests"].flatMap((group) =>
  readdirSync(join(root, group)).map((name) => join(root, group, name, "test-artifacts", "vitest.json")),
);
// Started as `node scripts/check.mjs` rather than through pnpm, the workspace's bins (biome, turbo)
// and the bootstrapped pnpm are not on PATH: put them there, as pnpm and bootstrap.mjs would. The
// steps' output goes through a pipe (to keep its tail), so colours are asked for when we print to a
// terminal ourselves, and stripped from the tail.
const bins = [join(root, "node_modules", ".bin"), join(root, ".tools", "node_modules", ".bin")];
const env = {
  ...process.env,
  PATH: [...bins, process.env.PATH].join(delimiter),
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
  ...(process.stdout.isTTY && !process.env.NO_COLOR && { FORCE_COLOR: "1" }),
};
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes start with ESC.
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

/** Runs one step with its output streamed through, and resolves with whether it passed and why not. */
function step(label, command, args) {
  process.stderr.write(`\n[ideokit] ${label}\n`);
  return new Promise((resolve) => {
    let output = "";
    const keep = (chunk) => {
      output = (output + chunk.toString("utf8")).slice(-20_000);
    };
    const tail = () =>
      output
        .replace(ANSI, "")
        .split(/\r?\n/)
        .filter((line) => line.trim() !== "")
        .slice(-TAIL_LINES);
    const child = spawn(command, args, { cwd: root, env, stdio: ["inherit", "pipe", "pipe"] });
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      keep(chunk);
    });
    child.stderr.on("data", (chunk) => {
      process.stderr.write(chunk);
      keep(chunk);
    });
    child.once("error", (error) =>
      resolve({ label, ok: false, reason: `could not start \`${command}\`: ${error.message}`, tail: [] }),
    );
    child.once("close", (code, signal) => {
      if (code === 0) resolve({ label, ok: true });
      else
        resolve({
          label,
          ok: false,
          reason: signal ? `killed by ${signal}` : `\`${[command, ...args].join(" ")}\` exited with ${code}`,
          tail: tail(),
        });
    });
  });
}

for (const path of reportPaths) rmSync(path, { force: true });
const steps = [
  await step("lint", "biome", ["ci", "."]),
  await step("root scripts (node --test)", process.execPath, ["--test", "scripts/test/*.test.mjs"]),
  await step("turbo: typecheck build test check:package size", "turbo", [
    "run",
    "typecheck",
    "build",
    "test",
    "check:package",
    "size",
    "--output-logs=new-only",
    "--continue",
    ...(process.env.CI ? ["--concurrency=2"] : []),
  ]),
  // After the build: it reads the .d.ts files the tarballs ship.
  await step("API docs and README examples", process.execPath, [join(root, "scripts", "check-docs.mjs")]),
];

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
const failures = steps.filter((result) => !result.ok);
for (const failure of failures) {
  process.stdout.write(`\n── ${failure.label} FAILED: ${failure.reason}\n`);
  if (failure.tail.length > 0)
    process.stdout.write(`${failure.tail.map((line) => `   ${line}`).join("\n")}\n`);
}
if (rows.length === 0) process.stdout.write("\nNo vitest report was written: the tests did not run.\n");
process.stdout.write(`\n${rows.join("\n")}\n`);
process.stdout.write(
  `${steps.map((result) => `${result.label} ${result.ok ? "ok" : "FAILED"}`).join(", ")}\n`,
);
process.stdout.write(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(failures.length === 0 && failed === 0 && rows.length > 0 ? 0 : 1);
