import { accessSync, constants } from "node:fs";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { stackCommands } from "./test/browser/node/commands.ts";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

try {
  accessSync(chromium, constants.X_OK);
} catch {
  throw new Error(
    `Chromium is missing (${chromium}): the browser project runs in a real Chromium, never a downloaded one.\n` +
      "Install it with:  apt-get update && apt-get install -y chromium\n" +
      "(or point CHROMIUM_PATH at an existing Chromium binary)",
  );
}

export default defineConfig({
  test: {
    // The matrix mostly waits (timeouts, backoff), so its files overlap well even on 2 cores.
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: "node",
          include: ["test/node/**/*.test.ts"],
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["test/browser/node/global-setup.ts"],
          testTimeout: 20_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: {
                executablePath: chromium,
                args: [
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--no-first-run",
                ],
              },
            }),
            instances: [{ browser: "chromium" }],
            commands: stackCommands,
          },
        },
      },
    ],
  },
});
