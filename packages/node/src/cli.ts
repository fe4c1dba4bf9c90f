#!/usr/bin/env node
import { runCli } from "./cli/run-cli.ts";

const interrupt = new AbortController();
process.once("SIGINT", () => interrupt.abort());
process.exitCode = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: interrupt.signal,
});
