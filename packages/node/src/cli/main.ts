import { runCli } from "./run-cli.ts";

/** Runs `ideokit` in this process (argv, environment, stdio, Ctrl-C) and sets its exit code. */
export async function main(): Promise<void> {
  const interrupt = new AbortController();
  process.once("SIGINT", () => interrupt.abort());
  process.exitCode = await runCli({
    argv: process.argv.slice(2),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    signal: interrupt.signal,
  });
}
