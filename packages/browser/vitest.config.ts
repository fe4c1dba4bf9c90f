import { type ChromiumLaunchOptions, chromiumLaunchOptions } from "@ideokit/testing/chromium";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { emulatorCommands } from "./test/node/emulator-commands.ts";

const withArgs = (options: ChromiumLaunchOptions, args: string[]): ChromiumLaunchOptions => ({
  ...options,
  args: [...options.args, ...args],
});

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The emulators the tests talk to (the package script has built core and testing first).
    globalSetup: ["test/node/global-setup.ts"],
    testTimeout: 15_000,
    fileParallelism: false,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        launchOptions: withArgs(chromiumLaunchOptions(), [
          // The HTTP/2 emulator's certificate is self-signed (see test/node/http2-emulator.ts).
          "--ignore-certificate-errors",
        ]),
      }),
      instances: [{ browser: "chromium" }],
      commands: emulatorCommands,
    },
  },
});
