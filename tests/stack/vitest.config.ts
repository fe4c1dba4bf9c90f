import { chromiumLaunchOptions } from "@ideokit/testing/chromium";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { stackCommands } from "./test/browser/node/commands.ts";

export default defineConfig({
  test: {
    // The matrix mostly waits (timeouts, backoff), so its files overlap well even on 2 cores.
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: "node",
          include: ["test/node/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["test/browser/node/global-setup.ts"],
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: chromiumLaunchOptions(),
            }),
            instances: [{ browser: "chromium" }],
            commands: stackCommands,
          },
        },
      },
    ],
  },
});
