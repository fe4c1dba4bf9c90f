import type { LoggedRequest } from "@ideokit/testing";
import { beforeEach, inject } from "vitest";
import { commands } from "vitest/browser";

export { TEST_TOKEN } from "./test-token.ts";

/** The main emulator's edge-worker-like route. */
export const baseURL = `${inject("emulatorURL")}/ideogram`;

/** The route of the emulator that answers 429 past one call per second. */
export const rateLimitedBaseURL = `${inject("rateLimitedURL")}/ideogram`;

/** An emulator that sends no CORS headers, so the page may not read its answers. */
export const noCorsURL = inject("noCorsURL");

/** The route of an emulator served over HTTPS and HTTP/2, the only way Chromium streams an upload. */
export const http2BaseURL = `${inject("http2URL")}/ideogram`;

/** Each test starts with empty logs, no queued faults and no rate-limit history. */
export function useFreshEmulators(): void {
  beforeEach(() => commands.clearEmulators());
}

/** The generate calls an emulator received since the last clear. */
export async function generateCalls(name?: "main" | "rateLimited"): Promise<LoggedRequest[]> {
  return (await commands.emulatorRequests(name)).filter((entry) => entry.path.endsWith("/generate"));
}

/** Resolves with what `promise` rejected with; fails the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail, but it succeeded");
}
