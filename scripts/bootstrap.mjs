#!/usr/bin/env node
// Plain Node (20+) with no dependencies: a fresh machine has only Node 20 and npm, so this script
// brings Node 24 and pnpm 11 into a git-ignored folder when they are missing, installs the
// workspace, then hands over to pnpm. For the tests it also makes sure a Chromium is there (see
// ensureChromium). It must stay idempotent and fast on the second run.
//
// `node scripts/bootstrap.mjs chromium [--dry-run]` does only the Chromium part and prints the
// binary's path (--dry-run: what it would install, without installing). For tests of this script,
// IDEOKIT_CHROMIUM_CANDIDATES (paths, PATH-delimited) replaces the places looked at, and
// IDEOKIT_CHROMIUM_INSTALL (`apt`, `npm`, both comma-separated, or `none`) the installers allowed.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { accessSync, constants, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const toolsDir = join(root, ".tools");
const toolsBin = join(toolsDir, "node_modules", ".bin");
const PNPM_VERSION = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager.split(
  "@",
)[1];
const NODE_SPEC = "node@24";
// A Chromium shipped inside an npm package (brotli-compressed, unpacked on first use): the registry
// is reachable where a browser download is not. Used only when apt-get cannot install Debian's.
const NPM_CHROMIUM_SPEC = "@sparticuz/chromium@153";
const npmChromiumDir = join(toolsDir, "chromium");
const npmChromiumBinary = join(npmChromiumDir, "tmp", "chromium");

const tasks = {
  test: { pnpmScript: "check", needsChromium: true },
  demo: { pnpmScript: "demo:run", needsChromium: false },
  bench: { pnpmScript: "bench", needsChromium: false },
  chromium: { pnpmScript: undefined, needsChromium: true },
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
    // Also in pnpm-workspace.yaml; here too for a pnpm that reads only its environment.
    pnpm_config_update_notifier: "false",
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

function chromiumCandidates() {
  const override = process.env.IDEOKIT_CHROMIUM_CANDIDATES;
  if (override !== undefined) return override.split(delimiter).filter(Boolean);
  return [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", npmChromiumBinary];
}

function chromiumPath(candidates = chromiumCandidates()) {
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return undefined;
}

function commandExists(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

/** Runs a provisioning command; false (with its output shown) when it fails, so the next way is tried. */
function provision(command, args, options = {}) {
  log(`$ ${[command, ...args].join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", cwd: root, ...options });
  return result.status === 0;
}

function runsHere(binary) {
  return spawnSync(binary, ["--version"], { stdio: "ignore", timeout: 30_000 }).status === 0;
}

const INSTRUCTIONS = [
  "Install it with:  apt-get update && apt-get install -y chromium",
  "(or point CHROMIUM_PATH at an existing Chromium binary)",
];

/**
 * The Chromium the browser tests run in: an installed one, else one this script installs: as root
 * with apt-get, Debian's `chromium` package (and its libraries); otherwise the Chromium shipped in
 * the npm package NPM_CHROMIUM_SPEC, unpacked into .tools/chromium, if it runs on this machine.
 * Only when neither works does it stop, saying how to install one. The path found is handed to the
 * tests as CHROMIUM_PATH.
 */
function ensureChromium({ dryRun }) {
  const found = chromiumPath();
  if (found) return found;
  const allowed = (process.env.IDEOKIT_CHROMIUM_INSTALL ?? "apt,npm").split(",").map((way) => way.trim());
  const asRoot = process.getuid?.() === 0;
  log("Chromium is missing: the browser tests run in a real Chromium.");
  if (allowed.includes("apt") && asRoot && commandExists("apt-get")) {
    log("Installing Debian's chromium package with apt-get (one time, about 300 MB with its libraries):");
    if (dryRun) {
      log("(dry run) would run: apt-get update -qq && apt-get install -y -qq chromium");
      return "/usr/bin/chromium";
    }
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    if (
      provision("apt-get", ["update", "-qq"], { env }) &&
      provision("apt-get", ["install", "-y", "-qq", "chromium"], { env })
    ) {
      const installed = chromiumPath(["/usr/bin/chromium", "/usr/bin/chromium-browser"]);
      if (installed) return installed;
    }
    log("apt-get could not install chromium; trying the Chromium shipped in an npm package.");
  }
  if (allowed.includes("npm")) {
    log(
      `Installing ${NPM_CHROMIUM_SPEC} (a Chromium inside an npm package) into .tools/chromium (one time):`,
    );
    if (dryRun) {
      log(`(dry run) would run: npm install --prefix .tools/chromium ${NPM_CHROMIUM_SPEC}, then unpack it`);
      return npmChromiumBinary;
    }
    mkdirSync(join(npmChromiumDir, "tmp"), { recursive: true });
    const unpack = `import("@sparticuz/chromium").then((m) => m.default.executablePath()).then((p) => process.stdout.write(p))`;
    const installed =
      provision("npm", [
        "install",
        "--prefix",
        npmChromiumDir,
        "--no-audit",
        "--no-fund",
        "--no-save",
        "--loglevel=error",
        NPM_CHROMIUM_SPEC,
      ]) &&
      // It unpacks into os.tmpdir(): point that into .tools so the binary outlives /tmp cleaning.
      provision(process.execPath, ["--input-type=module", "-e", unpack], {
        cwd: npmChromiumDir,
        env: { ...process.env, TMPDIR: join(npmChromiumDir, "tmp") },
        stdio: ["ignore", "ignore", "inherit"],
      });
    if (installed && runsHere(npmChromiumBinary)) return npmChromiumBinary;
    log(`${NPM_CHROMIUM_SPEC} does not run on this machine.`);
  }
  for (const line of INSTRUCTIONS) log(line);
  process.exit(1);
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
const dryRun = process.argv.includes("--dry-run");
const chromium = task.needsChromium ? ensureChromium({ dryRun }) : undefined;
if (task.pnpmScript === undefined) {
  process.stdout.write(`${chromium}\n`);
  process.exit(0);
}
if (chromium) process.env.CHROMIUM_PATH = chromium;
const env = toolchainEnv();
installWorkspace(env);
log(
  `toolchain ready in ${((Date.now() - started) / 1000).toFixed(1)} s (node ${versionOf("node", env)}, pnpm ${versionOf("pnpm", env)})`,
);
run("pnpm", ["run", task.pnpmScript, ...process.argv.slice(3)], env);
