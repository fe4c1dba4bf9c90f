import { execFileSync } from "node:child_process";
import { join } from "node:path";

/** Builds playground/dist once before the e2e files run, unless they target a page served elsewhere. */
export default function buildPage(): void {
  if (process.env.PLAYGROUND_URL !== undefined) return;
  execFileSync(process.execPath, [join(import.meta.dirname, "..", "..", "build.ts")], { stdio: "inherit" });
}
