import { startEmulator } from "@ideokit/testing/node";
import type { TestProject } from "vitest/node";
import { BROWSER_TOKEN } from "./token.ts";

/** Serves an emulator on loopback for the Chromium tests (CORS on, as the edge worker answers a page). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const emulator = await startEmulator({ host: "127.0.0.1", port: 0, apiKey: BROWSER_TOKEN, cors: true });
  project.provide("emulatorURL", emulator.url);
  return () => emulator.close();
}
