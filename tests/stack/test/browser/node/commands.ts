import type { FaultKind, FaultTarget } from "@ideokit/testing";
import type { BrowserCommand } from "vitest/node";
import { publishedStack } from "./stack-handle.ts";

/** How many requests the emulator has received on a route ("/generate" or "/images/") since it was cleared, preflights left out. */
const upstreamRequestCount: BrowserCommand<[route: string]> = (_context, route) =>
  publishedStack().emulator.requests.filter(
    (request) => request.method !== "OPTIONS" && request.path.includes(route),
  ).length;

const queueFaults: BrowserCommand<[count: number, kind: FaultKind, on: FaultTarget]> = (
  _context,
  count,
  kind,
  on,
) => publishedStack().emulator.faults.next(count, kind, { on });

const clearEmulator: BrowserCommand<[]> = () => publishedStack().emulator.clear();

/** Browser commands that let tests in Chromium steer the emulator behind the worker and read its log. */
export const stackCommands = { upstreamRequestCount, queueFaults, clearEmulator };
