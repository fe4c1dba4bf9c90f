#!/usr/bin/env node
// Plain Node (20+) with no dependencies: a fresh machine has only Node 20 and npm, so this script
// brings Node 24 and pnpm 11 into a git-ignored folder when they are missing, installs the
// workspace, then hands over to pnpm. It must stay idempotent and fast on the second run.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { accessSync, constants, existsSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const toolsDir = join(root, ".tools");
const toolsBin = join(toolsDir, "node_modules", ".bin");
const PNPM_VERSION = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager.split(
  "@",
)[1];
const NODE_SPEC = "node@24";

const tasks = {
  test: { pnpmScript: "check", needsChromium: true },
  demo: { pnpmScript: "demo:run", needsChromium: false },
  bench: { pnpmScript: "bench", needsChromium: false },
};

const started = Date.now();
const log = (msg) => process.stderr.write(`[ideokit] ${msg}\n`);

function versionOf(command, env) {
  try {
    return execFileSync(command, ["--version"], {
      env,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return undefined;
  }
}

function majorOf(version) {
  return Number.parseInt(String(version).replace(/^v/, ""), 10);
}

function toolchainOk(env) {
  const node = versionOf("node", env);
  const pnpm = versionOf("pnpm", env);
  return node !== undefined && majorOf(node) >= 22 && pnpm !== undefined && majorOf(pnpm) === 11;
}

function toolchainEnv() {
  const env = {
    ...process.env,
    TURBO_TELEMETRY_DISABLED: "1",
    DO_NOT_TRACK: "1",
    COREPACK_ENABLE_STRICT: "0",
  };
  if (toolchainOk(env)) return env;
  const local = { ...env, PATH: `${toolsBin}${delimiter}${env.PATH}` };
  if (toolchainOk(local)) return local;
  log(`installing ${NODE_SPEC} and pnpm@${PNPM_VERSION} into .tools (one time)`);
  // Both in one install: installed separately, the second npm run prunes the first.
  const result = spawnSync(
    "npm",
    [
      "install",
      "--prefix",
      toolsDir,
      "--no-audit",
      "--no-fund",
      "--no-save",
      "--loglevel=error",
      NODE_SPEC,
      `pnpm@${PNPM_VERSION}`,
    ],
    { stdio: "inherit", env },
  );
  if (result.status !== 0 || !toolchainOk(local)) {
    log(
      "could not install Node 24 and pnpm 11 from the npm registry; install Node >= 22 and pnpm 11 yourself",
    );
    process.exit(1);
  }
  return local;
}

function installWorkspace(env) {
  const lockfile = join(root, "pnpm-lock.yaml");
  const stamp = join(root, "node_modules", ".ideokit-install-stamp");
  const digest = createHash("sha256")
    .update(existsSync(lockfile) ? readFileSync(lockfile) : "")
    .update(versionOf("node", env) ?? "")
    .digest("hex");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === digest) return;
  log("pnpm install --frozen-lockfile");
  run("pnpm", ["install", "--frozen-lockfile", "--reporter=append-only"], env);
  writeFileSync(stamp, digest);
}

function chromiumPath() {
  for (const candidate of [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (!candidate) continue;
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return undefined;
}

function run(command, args, env) {
  const result = spawnSync(command, args, { stdio: "inherit", env, cwd: root });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const taskName = process.argv[2];
const task = tasks[taskName];
if (!task) {
  log(`usage: node scripts/bootstrap.mjs <${Object.keys(tasks).join("|")}> [args]`);
  process.exit(2);
}
if (task.needsChromium && !chromiumPath()) {
  log("Chromium is missing: the browser tests run in a real Chromium.");
  log("Install it with:  apt-get update && apt-get install -y chromium");
  log("(or point CHROMIUM_PATH at an existing Chromium binary)");
  process.exit(1);
}
const env = toolchainEnv();
installWorkspace(env);
log(
  `toolchain ready in ${((Date.now() - started) / 1000).toFixed(1)} s (node ${versionOf("node", env)}, pnpm ${versionOf("pnpm", env)})`,
);
run("pnpm", ["run", task.pnpmScript, ...process.argv.slice(3)], env);
