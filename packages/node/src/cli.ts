#!/usr/bin/env node
// The bin's entry imports only the version check, and the CLI once that passed: undici 8 fails while
// it loads on an older Node (`Cannot read properties of undefined (reading 'bind')`), which says
// nothing about the version, and static imports would load it before any line here runs.
import { nodeVersionProblem } from "./cli/node-floor.ts";

const problem = nodeVersionProblem(process.versions.node);
if (problem === undefined) {
  const { main } = await import("./cli/main.ts");
  await main();
} else {
  process.stderr.write(`${problem}\n`);
  process.exitCode = 1;
}
