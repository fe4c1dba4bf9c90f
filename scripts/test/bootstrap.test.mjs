// `node --test scripts/test/`: the Chromium part of scripts/bootstrap.mjs, through its `chromium`
// task. Detection is pointed at paths of this test's choosing (IDEOKIT_CHROMIUM_CANDIDATES), and the
// installers only say what they would run (--dry-run): the machine's own Chromium stays as it is.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";

const bootstrap = join(import.meta.dirname, "..", "bootstrap.mjs");
const missing = join(import.meta.dirname, "no-such-dir", "chromium");
const asRootWithApt = process.getuid?.() === 0 && spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;

function chromiumTask(env, args = []) {
  const run = spawnSync(process.execPath, [bootstrap, "chromium", ...args], {
    encoding: "utf8",
    env: { ...process.env, CHROMIUM_PATH: "", ...env },
  });
  return { code: run.status, stdout: run.stdout.trim(), stderr: run.stderr };
}

test("an installed Chromium is used as it is, nothing installed", () => {
  const run = chromiumTask({ IDEOKIT_CHROMIUM_CANDIDATES: [missing, process.execPath].join(":") });
  assert.equal(run.code, 0);
  assert.equal(run.stdout, process.execPath);
  assert.doesNotMatch(run.stderr, /Installing/);
});

test("missing, as root with apt-get: installs Debian's chromium, saying so", { skip: !asRootWithApt }, () => {
  const run = chromiumTask({ IDEOKIT_CHROMIUM_CANDIDATES: missing }, ["--dry-run"]);
  assert.equal(run.code, 0);
  assert.match(run.stderr, /Chromium is missing/);
  assert.match(run.stderr, /Installing Debian's chromium package with apt-get/);
  assert.match(run.stderr, /would run: apt-get update -qq && apt-get install -y -qq chromium/);
  assert.equal(run.stdout, "/usr/bin/chromium");
});

test("missing, without apt-get: the Chromium shipped in an npm package, unpacked into .tools", () => {
  const run = chromiumTask({ IDEOKIT_CHROMIUM_CANDIDATES: missing, IDEOKIT_CHROMIUM_INSTALL: "npm" }, [
    "--dry-run",
  ]);
  assert.equal(run.code, 0);
  assert.match(run.stderr, /would run: npm install --prefix \.tools\/chromium @sparticuz\/chromium@\d+/);
  assert.match(run.stdout, /\.tools\/chromium\/tmp\/chromium$/);
  assert.doesNotMatch(run.stderr, /apt-get update/);
});

test("missing and nothing can install one: exits 1 with the instruction", () => {
  const run = chromiumTask({ IDEOKIT_CHROMIUM_CANDIDATES: missing, IDEOKIT_CHROMIUM_INSTALL: "none" });
  assert.equal(run.code, 1);
  assert.equal(run.stdout, "");
  assert.match(run.stderr, /Chromium is missing/);
  assert.match(run.stderr, /apt-get update && apt-get install -y chromium/);
  assert.match(run.stderr, /CHROMIUM_PATH/);
});
