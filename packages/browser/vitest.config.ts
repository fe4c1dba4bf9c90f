import { accessSync, constants } from "node:fs";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { emulatorCommands } from "./test/node/emulator-commands.ts";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

try {
  accessSync(chromium, constants.X_OK);
} catch {
  throw new Error(
    `Chromium is missing (${chromium}): the browser tests run in a real Chromium, never a downloaded one.\n` +
      "Install it with:  apt-get update && apt-get install -y chromium\n" +
      "(or point CHROMIUM_PATH at an existing Chromium binary)",
  );
}

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/node/global-setup.ts"],
    testTimeout: 15_000,
    fileParallelism: false,
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
      commands: emulatorCommands,
    },
  },
});
