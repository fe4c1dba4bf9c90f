import { execFile, spawn } from "node:child_process";
import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { exampleInput, isFileInput, OPERATIONS, type TableOperation } from "../src/index.ts";
import { API_KEY, temporaryDirectory, useEmulator } from "./helpers.ts";
import { specErrorsOf } from "./spec-check.ts";

const BIN = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const emulator = useEmulator({ unsafeWords: ["forbidden"] });
const env = () => ({
  PATH: process.env.PATH ?? "",
  IDEOGRAM_API_KEY: API_KEY,
  IDEOGRAM_BASE_URL: emulator().url,
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function ideokit(args: string[], cwd?: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: env(), cwd }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

// The CLI's spelling of a wire field and of an enum value, written out here so the test does not
// reuse the code under test.
const ALIASES: Record<string, string> = {
  color_palette: "palette",
  magic_prompt_option: "magic-prompt",
  style_reference_images: "style-ref",
  character_reference_images: "character-ref",
  character_reference_images_mask: "character-ref-mask",
  product_reference_images: "product-ref",
  reference_asset_images: "asset-ref",
};
const flag = (name: string) => `--${ALIASES[name] ?? name.replaceAll("_", "-")}`;

/** The command line of an operation's minimal example: files written to `dir`, the main image and the prompt as arguments. */
async function argvOf(operation: TableOperation, dir: string): Promise<string[]> {
  const input = exampleInput(operation, "minimal") as Record<string, unknown>;
  let files = 0;
  const fileArg = async (value: unknown) => {
    const path = join(dir, `in-${files++}.png`);
    const data = value instanceof Blob ? value : (value as { data: Blob }).data;
    await writeFile(path, new Uint8Array(await data.arrayBuffer()));
    return path;
  };
  const words = operation.id.split(".").map((word) => word.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
  const image = operation.fieldNames.find(
    (name) => operation.fields[name]?.kind === "file" && operation.fields[name]?.required && name !== "mask",
  );
  const argv = [...words];
  if (image !== undefined) argv.push(await fileArg(input[image]));
  if (typeof input.prompt === "string") argv.push(input.prompt);
  for (const [name, value] of Object.entries(input)) {
    if (name === image || name === "prompt") continue;
    if (Array.isArray(value))
      for (const item of value) argv.push(flag(name), isFileInput(item) ? await fileArg(item) : String(item));
    else if (isFileInput(value)) argv.push(flag(name), await fileArg(value));
    else if (typeof value === "boolean") argv.push(flag(name), value ? "yes" : "no");
    else argv.push(flag(name), String(value).toLowerCase());
  }
  return argv;
}

describe.each(OPERATIONS.map((operation) => [operation.id, operation as TableOperation] as const))(
  "ideokit %s",
  (id, operation) => {
    it("runs its minimal example from flags generated out of core's fields", async () => {
      const dir = await temporaryDirectory();
      const out = join(dir, "out");
      const argv = await argvOf(operation, dir);
      const { code, stdout, stderr } = await ideokit([...argv, "--out", out, "--quiet"]);

      expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
      const entry = emulator().requests.find((request) => request.operation === id)!;
      expect(specErrorsOf(entry)).toEqual([]);
      if (operation.response === "descriptions" || operation.response === "magic-prompt") {
        expect(stdout.trim()).not.toBe("");
      } else {
        const saved = stdout.trim().split("\n");
        expect(saved.length).toBeGreaterThan(0);
        expect((await readdir(out)).sort()).toEqual(saved.map((path) => path.slice(out.length + 1)).sort());
      }
    });
  },
);

describe("CLI behaviour a script can trust", () => {
  it("bare ideokit prints help with examples and exits 0", async () => {
    const { code, stdout } = await ideokit([]);
    expect(code).toBe(0);
    expect(stdout).toContain("Examples:");
    expect(stdout).toContain("v3");
  });

  it("describe prints the descriptions, and the JSON with --json", async () => {
    const dir = await temporaryDirectory();
    const [, image] = await argvOf(OPERATIONS.find((op) => op.id === "describe") as TableOperation, dir);
    const plain = await ideokit(["describe", image!]);
    const json = await ideokit(["describe", image!, "--json"]);
    expect(plain.code).toBe(0);
    const descriptions = (JSON.parse(json.stdout) as { descriptions: { text: string }[] }).descriptions;
    expect(plain.stdout.trim().split("\n")).toEqual(descriptions.map(({ text }) => text));
  });

  it("exits 2 without a call for an unreadable image, an --out that is a file, and bad flags, in the CLI's words", async () => {
    const dir = await temporaryDirectory();
    const file = join(dir, "taken");
    await writeFile(file, "x");
    const unreadable = await ideokit(["describe", join(dir, "missing.png")]);
    const outIsFile = await ideokit(["generate", "a fox", "--out", file]);
    const badFlags = await ideokit([
      "generate",
      "a fox",
      "--magic-prompt",
      "yes",
      "--palette",
      "ff0000",
      "--resolution",
      "1x1",
    ]);

    expect([unreadable.code, outIsFile.code, badFlags.code]).toEqual([2, 2, 2]);
    expect(unreadable.stderr).toMatch(/<image>: cannot read ".*missing\.png": no such file/);
    expect(outIsFile.stderr).toMatch(/--out .*taken: is a file/);
    expect(badFlags.stderr).toContain("--magic-prompt yes: expected auto, on, off");
    expect(badFlags.stderr).toContain("did you mean #ff0000?");
    expect(badFlags.stderr).toMatch(/--resolution 1x1: expected one of 78 values such as/);
    expect(badFlags.stderr.length).toBeLessThan(600);
    expect(emulator().requests).toHaveLength(0);
  });

  it("exits non-zero, saying so, when every image was flagged unsafe", async () => {
    const out = await temporaryDirectory();
    const { code, stdout, stderr } = await ideokit(["v3", "generate", "a forbidden fox", "--out", out]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/no image saved: all 1 were withheld/);
  });

  it("--json --out saves the images and reports their paths", async () => {
    const out = await temporaryDirectory();
    const { code, stdout } = await ideokit(["v3", "generate", "a fox", "-n", "2", "--json", "--out", out]);
    expect(code).toBe(0);
    const { response, saved } = JSON.parse(stdout) as { response: { data: unknown[] }; saved: string[] };
    expect(response.data).toHaveLength(2);
    expect(saved.map((path) => path.slice(out.length + 1)).sort()).toEqual((await readdir(out)).sort());
  });

  it("--auth api-key works with any --base-url, with --timeout and --max-retries", async () => {
    const { code } = await ideokit([
      "generate",
      "a fox",
      "--json",
      "--auth",
      "api-key",
      "--base-url",
      `${emulator().url}/ideogram`,
      "--timeout",
      "20000",
      "--max-retries",
      "0",
    ]);
    expect(code).toBe(0);
    expect(emulator().requests[0]?.headers["api-key"]).toBe(API_KEY);
    expect(emulator().requests[0]?.headers.authorization).toBeUndefined();
  });

  it("hints at quoting an unquoted multi-word prompt", async () => {
    const { code, stderr } = await ideokit(["generate", "a", "red", "fox"]);
    expect(code).toBe(2);
    expect(stderr).toContain("hint: quote a prompt of several words");
    expect(emulator().requests).toHaveLength(0);
  });

  it("Ctrl-C prints one line, cancelled, and exits 130", async () => {
    emulator().faults.next(1, "hang");
    const child = spawn(process.execPath, [BIN, "generate", "a fox", "--quiet"], { env: env() });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    while (emulator().requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(stderr).toBe("cancelled\n");
  });
});
