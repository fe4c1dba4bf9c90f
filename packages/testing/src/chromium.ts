import { accessSync, constants } from "node:fs";

/** Where Debian's `chromium` package installs the browser. */
const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

/**
 * Flags for a headless Chromium in a container or CI: no sandbox (often unavailable there), no GPU,
 * and none of the background traffic (updates, sync, first-run pages) a test must not depend on.
 */
const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** The part of Playwright's launch options that picks and configures an installed Chromium. */
export interface ChromiumLaunchOptions {
  /** The Chromium binary to run. */
  executablePath: string;
  /** Flags for headless runs in containers: no sandbox, no GPU, no background traffic (a fresh array). */
  args: string[];
}

/**
 * Launch options for the system's Chromium: `CHROMIUM_PATH`, else `/usr/bin/chromium`
 * (or `executablePath` when given). Throws an Error that says how to install Chromium when the
 * binary is missing or not executable, so tests never fall back to downloading a browser.
 */
export function chromiumLaunchOptions(options: { executablePath?: string } = {}): ChromiumLaunchOptions {
  const executablePath = options.executablePath ?? process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;
  try {
    accessSync(executablePath, constants.X_OK);
  } catch {
    throw new Error(
      `Chromium is missing (${executablePath}): browser tests run in an installed Chromium, never a downloaded one.\n` +
        "Install it with:  apt-get update && apt-get install -y chromium\n" +
        "(or point CHROMIUM_PATH at an existing Chromium binary)",
    );
  }
  return { executablePath, args: [...CHROMIUM_ARGS] };
}
