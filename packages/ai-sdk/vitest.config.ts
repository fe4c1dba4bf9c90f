import { chromiumLaunchOptions } from "@ideokit/testing/chromium";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";

// One run and one report: the provider in Node against a real socket, in workerd and in Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          include: ["test/*.test.ts"],
          setupFiles: ["test/setup.ts"],
          testTimeout: 15_000,
          typecheck: { enabled: true, include: ["test/*.test-d.ts"], tsconfig: "./tsconfig.json" },
        },
      },
      "./vitest.workerd.config.ts",
      {
        test: {
          name: "chromium",
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["test/browser/global-setup.ts"],
          setupFiles: ["test/setup.ts"],
          testTimeout: 15_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({ launchOptions: chromiumLaunchOptions() }),
            instances: [{ browser: "chromium" }],
          },
        },
      },
    ],
  },
});
