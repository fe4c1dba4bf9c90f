#!/usr/bin/env node
import { runEmulatorCli } from "./cli.ts";

process.exitCode = await runEmulatorCli(process.argv.slice(2));
