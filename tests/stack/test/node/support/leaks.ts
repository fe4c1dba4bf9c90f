import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, expect } from "vitest";

/** How many resources of each kind keep this process alive (sockets, timers, servers…). */
export type ResourceCounts = Record<string, number>;

/** The current counts from `process.getActiveResourcesInfo()`. */
export function activeResources(): ResourceCounts {
  const counts: ResourceCounts = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** The kinds of which more are alive now than in `baseline`, with how many more (`ignored` kinds left out). */
export function resourcesAbove(baseline: ResourceCounts, ignored: readonly string[] = []): ResourceCounts {
  const extra: ResourceCounts = {};
  for (const [kind, count] of Object.entries(activeResources())) {
    if (count > (baseline[kind] ?? 0) && !ignored.includes(kind)) extra[kind] = count - (baseline[kind] ?? 0);
  }
  return extra;
}

const SETTLE_LIMIT_MS = 5000;

/**
 * Waits until nothing more is alive than in `baseline`. Sockets close and the emulator's own timers
 * (a `slow` fault still sleeping) run out shortly after a call ends, so this polls instead of
 * looking once; a real leak never goes away and fails after the wait. (Not vi.waitFor: its own
 * timers would be counted.)
 */
export async function expectBackToBaseline(
  baseline: ResourceCounts,
  ignored: readonly string[] = [],
): Promise<void> {
  await settle(() => Object.keys(resourcesAbove(baseline, ignored)).length === 0);
  expect(resourcesAbove(baseline, ignored)).toEqual({});
}

async function settle(done: () => boolean): Promise<void> {
  const deadline = performance.now() + SETTLE_LIMIT_MS;
  while (!done() && performance.now() < deadline) await sleep(20);
}

/**
 * Records the TCP connections this process opens as a client from now on (Node's
 * `net.client.socket` channel), so a test can tell the client's sockets from the server sockets of
 * an emulator running in the same process.
 */
export function watchClientSockets(): { created(): number; open(): number; stop(): void } {
  const sockets: Socket[] = [];
  const record = (message: unknown) => sockets.push((message as { socket: Socket }).socket);
  subscribe("net.client.socket", record);
  return {
    created: () => sockets.length,
    open: () => sockets.filter((socket) => !socket.closed).length,
    stop: () => unsubscribe("net.client.socket", record),
  };
}

/** Waits until every socket `watch` recorded is closed. */
export async function expectClientSocketsClosed(watch: { open(): number }): Promise<void> {
  await settle(() => watch.open() === 0);
  expect(watch.open()).toBe(0);
}

/** Records every unhandled rejection while the file runs; `take()` returns and forgets them. */
export function recordUnhandledRejections(): { take(): unknown[] } {
  const seen: unknown[] = [];
  const record = (reason: unknown) => seen.push(reason);
  beforeAll(() => {
    process.on("unhandledRejection", record);
  });
  afterAll(() => {
    process.off("unhandledRejection", record);
  });
  return { take: () => seen.splice(0, seen.length) };
}

/** Lets pending rejections be reported: Node flags them once the microtask queue has drained. */
export function afterRejectionsSettle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
