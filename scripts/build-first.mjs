// Runs before a package's tests (`node ../../scripts/build-first.mjs && vitest run`): builds the
// package and its workspace dependencies through turbo (`build --filter=NAME...`, cached, so a
// second run costs about a second), because the tests load built code: a dependency's dist (what its
// `exports` point at, even from a vitest config), the package's own bin, or the worker bundle and
// playground. It is a step of the script rather than a vitest globalSetup because vitest runs the
// root's globalSetup after its projects' own, too late for a project that starts `wrangler dev` on
// the build or a config that imports a dependency at load. Under `turbo run test` the task graph
// has built everything already (test dependsOn ^build and build) and turbo marks its tasks with
// TURBO_HASH, so nothing is built twice.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

if (!process.env.TURBO_HASH) {
  const { name } = JSON.parse(readFileSync(join(process.cwd(), "package.json"), "utf8"));
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
      cwd: join(import.meta.dirname, ".."),
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
    },
  );
  if (turbo.error) {
    console.error(`could not build ${name} before its tests: ${turbo.error.message}`);
    process.exit(1);
  }
  if (turbo.status !== 0) {
    console.error(`building ${name} and its dependencies failed (see above)`);
    process.exit(turbo.status ?? 1);
  }
}
