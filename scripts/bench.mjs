// `pnpm bench`: runs every package's benchmark one after another (never in parallel, so they do
// not skew each other on a small machine) and writes their printed tables to BENCHMARKS.md.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const packages = ["packages", "apps", "tests"]
  .flatMap((group) => readdirSync(join(root, group)).map((name) => join(root, group, name)))
  .filter((dir) => existsSync(join(dir, "package.json")))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }))
  .filter(({ manifest }) => manifest.scripts?.bench);

const sections = [];
let ok = true;
for (const { dir, manifest } of packages) {
  process.stderr.write(`\n[bench] ${manifest.name}\n`);
  const result = spawnSync("pnpm", ["run", "--silent", "bench"], {
    cwd: dir,
    encoding: "utf8",
    env: process.env,
  });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  if (result.status !== 0) ok = false;
  sections.push(
    `## ${manifest.name}\n\n\`\`\`\n${result.stdout.trim()}\n\`\`\`\n${result.status === 0 ? "" : "\n**failed**\n"}`,
  );
}

const cpu = cpus()[0]?.model ?? "unknown CPU";
const header = [
  "# Benchmarks",
  "",
  `Written by \`pnpm bench\` on ${new Date().toISOString()}.`,
  "",
  `Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; ${process.platform}/${process.arch}.`,
  "All traffic is on loopback against @ideokit/testing; no real Ideogram host is called.",
  "",
].join("\n");
writeFileSync(join(root, "BENCHMARKS.md"), `${header}\n${sections.join("\n")}`);
process.stderr.write("\n[bench] wrote BENCHMARKS.md\n");
process.exit(ok ? 0 : 1);
