// A vitest globalSetup for the packages whose tests load built code: a workspace dependency's dist
// (what its `exports` point at), the package's own bin, or the worker bundle. `pnpm --filter X test`
// on a fresh clone then builds what X needs first, through turbo (`build --filter=X...`: X and its
// dependencies, cached, so a second run costs about a second). Under `turbo run test` the task graph
// has built all of it already (test dependsOn ^build and build), and turbo marks its tasks with
// TURBO_HASH, so nothing is built twice.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const root = join(import.meta.dirname, "..");

/** Builds the package under test (vitest's root) and its workspace dependencies, unless turbo did. */
export default function buildFirst(project) {
  if (process.env.TURBO_HASH) return;
  let packageDir = project.config.root;
  // A project of a package may live in a subfolder (apps/edge-worker/playground).
  while (!existsSync(join(packageDir, "package.json"))) packageDir = dirname(packageDir);
  const { name } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
  const turbo = spawnSync(
    "pnpm",
    [
      "exec",
      "turbo",
      "run",
      "build",
      `--filter=${name}...`,
      "--output-logs=errors-only",
      "--log-prefix=none",
    ],
    {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
    },
  );
  if (turbo.error) throw new Error(`could not build ${name} before its tests: ${turbo.error.message}`);
  if (turbo.status !== 0) throw new Error(`building ${name} and its dependencies failed (see above)`);
}
