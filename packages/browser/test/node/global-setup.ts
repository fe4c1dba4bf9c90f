import { startEmulator } from "@ideokit/testing/node";
import type { TestProject } from "vitest/node";
import { RATE_LIMIT, TEST_TOKEN } from "../test-token.ts";
import { publishEmulators } from "./emulator-handle.ts";
import { startHttp2Emulator } from "./http2-emulator.ts";

/** Serves the emulators on loopback for the browser tests: URLs go to them through `provide`, logs through commands. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const options = { host: "127.0.0.1", port: 0, apiKey: TEST_TOKEN, cors: true };
  const main = await startEmulator(options);
  const rateLimited = await startEmulator({ ...options, rateLimit: RATE_LIMIT });
  // An image host that sends no CORS headers, as Ideogram's own image URLs may be to a page.
  const noCors = await startEmulator({ ...options, cors: false });
  const http2 = await startHttp2Emulator({ apiKey: TEST_TOKEN, cors: true });
  publishEmulators({ main, rateLimited, http2 });
  project.provide("emulatorURL", main.url);
  project.provide("rateLimitedURL", rateLimited.url);
  project.provide("noCorsURL", noCors.url);
  project.provide("http2URL", http2.url);
  return async () => {
    publishEmulators(undefined);
    await Promise.all([main.close(), rateLimited.close(), noCors.close(), http2.close()]);
  };
}
