import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import type { FaultKind, LoggedRequest } from "@ideokit/testing";
import type { BrowserCommand } from "vitest/node";
import { type EmulatorName, publishedEmulator } from "./emulator-handle.ts";
import { specProblems } from "./spec-check.ts";

const WAIT_LIMIT_MS = 5000;

function clientRequests(name: EmulatorName): LoggedRequest[] {
  // Preflights are the browser's business, not the client's: leave them out of what tests count.
  return publishedEmulator(name).requests.filter((entry) => entry.method !== "OPTIONS");
}

const emulatorRequests: BrowserCommand<[name?: EmulatorName]> = (_context, name = "main") =>
  clientRequests(name);

// Validated here, in Node, where the vendored spec and ajv are: what reached the emulator, not what the page meant to send.
const specProblemsOfRequests: BrowserCommand<[]> = () =>
  clientRequests("main")
    .filter((entry) => entry.operation !== undefined)
    .flatMap(specProblems);

const clearEmulators: BrowserCommand<[]> = () => {
  publishedEmulator("main").clear();
  publishedEmulator("rateLimited").clear();
  publishedEmulator("http2").clear();
};

const queueFaults: BrowserCommand<[count: number, kind: FaultKind, on?: "generate" | "images"]> = (
  _context,
  count,
  kind,
  on = "generate",
) => publishedEmulator("main").faults.next(count, kind, { on });

// The log only grows, and nothing in the browser can observe a request still in flight on the server.
const waitForRequests: BrowserCommand<[count: number]> = async (_context, count) => {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  while (clientRequests("main").length < count) {
    if (Date.now() > deadline)
      throw new Error(`the emulator did not receive ${count} request(s) within ${WAIT_LIMIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

// A port that was free a moment ago: nothing listens there, so connecting is refused.
const unusedPortURL: BrowserCommand<[]> = async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
};

const SAME_ORIGIN_ROUTE = "**/ideogram/**";

// Stands in for the edge worker on the page's own origin: /ideogram/* goes to the emulator's /ideogram/*.
const routeSameOriginToEmulator: BrowserCommand<[]> = async ({ page }) => {
  const target = publishedEmulator("main").url;
  await page.route(SAME_ORIGIN_ROUTE, (route) => {
    const { pathname, search } = new URL(route.request().url());
    return route.continue({ url: `${target}${pathname}${search}` });
  });
};

const unrouteSameOrigin: BrowserCommand<[]> = async ({ page }) => {
  await page.unroute(SAME_ORIGIN_ROUTE);
};

/** Browser commands that let tests in Chromium read, reset and steer the Node-side emulators. */
export const emulatorCommands = {
  emulatorRequests,
  specProblemsOfRequests,
  clearEmulators,
  queueFaults,
  waitForRequests,
  unusedPortURL,
  routeSameOriginToEmulator,
  unrouteSameOrigin,
};
