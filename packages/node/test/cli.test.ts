import { execFile, spawnSync } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { API_KEY, temporaryDirectory, useEmulator } from "./helpers.ts";

// The published bin: `build` runs before `test` (turbo's test task depends on it).
const BIN = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const packageJson = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));
const emulator = useEmulator();

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `ideokit` with only the given environment (never this machine's IDEOGRAM_* variables). */
function ideokit(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { PATH: process.env.PATH ?? "", ...options.env }, cwd: options.cwd },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

/**
 * A Node older than the package's floor to run the bin with: IDEOKIT_OLD_NODE, else the system's
 * /usr/bin/node when it is older (Node 20 on the reference machine). Undefined when there is none.
 */
function olderNode(): { path: string; version: string } | undefined {
  const path = process.env.IDEOKIT_OLD_NODE ?? "/usr/bin/node";
  const run = spawnSync(path, ["--version"], { encoding: "utf8" });
  if (run.status !== 0) return undefined;
  const version = run.stdout.trim();
  const [major = 0, minor = 0] = version.slice(1).split(".").map(Number);
  const [floorMajor = 0, floorMinor = 0] = packageJson.engines.node.replace(">=", "").split(".").map(Number);
  return major < floorMajor || (major === floorMajor && minor < floorMinor) ? { path, version } : undefined;
}
const oldNode = olderNode();

const withEmulator = () => ({ IDEOGRAM_API_KEY: API_KEY, IDEOGRAM_BASE_URL: emulator().url });

describe("ideokit CLI", () => {
  it("--help lists every flag with the allowed values from core", async () => {
    const { code, stdout } = await ideokit(["generate", "--help"]);

    expect(code).toBe(0);
    for (const text of [
      "--aspect-ratio",
      "16:9",
      "v_2_turbo",
      "render_3d",
      "--palette",
      "--magic-prompt",
      "-n, --num-images",
      "--json",
      "--official",
      "--auth",
      "Example:",
    ]) {
      expect(stdout).toContain(text);
    }
  });

  it.skipIf(oldNode === undefined)(
    "on a Node older than engines.node, says which it needs and exits 1",
    async () => {
      const { path, version } = oldNode!;
      const run = await new Promise<Run>((resolve) => {
        execFile(
          path,
          [BIN, "--version"],
          { env: { PATH: process.env.PATH ?? "" } },
          (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
        );
      });

      expect(packageJson.engines.node).toBe(">=22.19");
      expect(run.stderr).toBe(`ideokit needs Node ≥ 22.19 (this is ${version})\n`);
      expect(run.stdout).toBe("");
      expect(run.code).toBe(1);
    },
  );

  it("--version prints the package version", async () => {
    const { code, stdout } = await ideokit(["--version"]);

    expect(code).toBe(0);
    expect(stdout.trim()).toBe(packageJson.version);
  });

  it("--json prints the response and nothing else, saving nothing", async () => {
    const cwd = await temporaryDirectory();
    const { code, stdout, stderr } = await ideokit(["generate", "a fox", "-n", "2", "--json"], {
      env: withEmulator(),
      cwd,
    });

    expect(code).toBe(0);
    expect(JSON.parse(stdout).data).toHaveLength(2);
    expect(stderr).toBe("");
    expect(await readdir(cwd)).toEqual([]);
  });

  it("maps every flag onto the request and prints one line per saved file", async () => {
    const out = await temporaryDirectory();
    const args = ["generate", "a fox", "--aspect-ratio", "16:9", "--model", "V_2", "--style-type", "design"];
    args.push(
      "--magic-prompt",
      "off",
      "--negative-prompt",
      "blur",
      "--seed",
      "9",
      "-n",
      "2",
      "--palette",
      "#ff0000:0.6,#00ff00",
    );
    const { code, stdout } = await ideokit([...args, "--out", out], { env: withEmulator() });

    expect(code).toBe(0);
    expect(emulator().requests[0]?.body).toEqual({
      image_request: {
        prompt: "a fox",
        aspect_ratio: "ASPECT_16_9",
        model: "V_2",
        style_type: "DESIGN",
        magic_prompt_option: "OFF",
        negative_prompt: "blur",
        seed: 9,
        num_images: 2,
        color_palette: { members: [{ color_hex: "#ff0000", color_weight: 0.6 }, { color_hex: "#00ff00" }] },
      },
    });
    expect(stdout.trim().split("\n").sort()).toEqual([join(out, "9-0.png"), join(out, "9-1.png")]);
    expect((await readdir(out)).sort()).toEqual(["9-0.png", "9-1.png"]);
  });

  it("converts --resolution and a palette preset", async () => {
    await ideokit(["generate", "a fox", "--resolution", "1024x1024", "--palette", "pastel", "--json"], {
      env: withEmulator(),
    });

    expect(emulator().requests[0]?.body).toEqual({
      image_request: {
        prompt: "a fox",
        resolution: "RESOLUTION_1024_1024",
        color_palette: { name: "PASTEL" },
      },
    });
  });

  it("exits 2 naming the field and its allowed values for an invalid request, sending nothing", async () => {
    const { code, stdout, stderr } = await ideokit(["generate", "a fox", "--style-type", "anime!"], {
      env: withEmulator(),
    });

    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/--style-type anime!: expected auto, general, fiction, /);
    expect(emulator().requests).toHaveLength(0);
  });

  it("exits 2 on bad usage and on a missing key", async () => {
    const noPrompt = await ideokit(["generate"], { env: withEmulator() });
    const conflicting = await ideokit(["generate", "x", "--official", "--base-url", emulator().url], {
      env: withEmulator(),
    });
    const noKey = await ideokit(["generate", "a fox"], { env: { IDEOGRAM_BASE_URL: emulator().url } });

    expect([noPrompt.code, conflicting.code, noKey.code]).toEqual([2, 2, 2]);
    expect(noKey.stderr).toMatch(/IDEOGRAM_API_KEY/);
    expect(emulator().requests).toHaveLength(0);
  });

  it("exits 2 naming the problem for a base URL that is not an http(s) URL, sending nothing", async () => {
    const { code, stderr } = await ideokit(["generate", "a fox", "--base-url", "localhost:8787"], {
      env: { IDEOGRAM_API_KEY: API_KEY },
    });

    expect(code).toBe(2);
    expect(stderr).toMatch(/Invalid baseURL "localhost:8787": expected an absolute http\(s\) URL/);
    expect(stderr).not.toContain("APIConnectionError");
  });

  it("exits 1 with status and upstream message on an API error, never printing the key", async () => {
    const wrongKey = "sk-cli-secret-never-printed";
    const { code, stdout, stderr } = await ideokit(["generate", "a fox", "--api-key", wrongKey], {
      env: { IDEOGRAM_BASE_URL: emulator().url, IDEOGRAM_LOG: "debug" },
    });

    expect(code).toBe(1);
    expect(stderr).toMatch(/AuthenticationError: 401 Invalid API key/);
    expect(stderr).toMatch(/\[ideokit\] POST .*\/generate 401 attempt 1\/3/);
    expect(stdout + stderr).not.toContain(wrongKey);
  });

  it("exits 1 on a network error", async () => {
    emulator().faults.next(3, "reset");
    const { code, stderr } = await ideokit(["generate", "a fox"], { env: withEmulator() });

    expect(code).toBe(1);
    expect(stderr).toMatch(/APIConnectionError/);
    expect(stderr).not.toContain(API_KEY);
  });
});
