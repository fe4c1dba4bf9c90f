import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../src/bin.ts", import.meta.url));
const children: ChildProcess[] = [];

function runBin(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const nextLine = async () => (await lines.next()).value as string;
  return { child, nextLine };
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

// Each case starts node processes: on a loaded 2-core machine that alone can take seconds.
describe("ideokit-emulator", { timeout: 30_000 }, () => {
  it("prints its URL and key, serves generate, logs requests and stops cleanly on SIGTERM", async () => {
    const { child, nextLine } = runBin(["--port", "0", "--key", "bin-key", "--blocked", "kraken", "--log"]);
    const url = /^ideokit emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(await nextLine())?.[1];
    expect(url).toBeDefined();
    expect(await nextLine()).toBe("api key: bin-key");
    const post = (prompt: string) =>
      fetch(`${url}/generate`, {
        method: "POST",
        headers: { authorization: "Bearer bin-key" },
        body: JSON.stringify({ image_request: { prompt } }),
      });
    expect((await post("a cat")).status).toBe(200);
    expect(await nextLine()).toBe("POST /generate 200");
    expect((await post("the kraken wakes")).status).toBe(422);
    expect(await nextLine()).toBe("POST /generate 422");
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });

  it("applies seeded random faults from --fault-rate and --fault-seed", async () => {
    const { nextLine } = runBin(["--fault-rate", "1", "--fault-seed", "3", "--fault-kinds", "502"]);
    const url = (await nextLine()).split(" ").at(-1);
    const response = await fetch(`${url}/generate`, { method: "POST", body: "{}" });
    expect(response.status).toBe(502);
  });

  it("prints usage and exits 0 for --help, 2 for a bad option", async () => {
    const help = runBin(["--help"]);
    expect(await help.nextLine()).toMatch(/^Usage: ideokit-emulator/);
    expect((await once(help.child, "exit"))[0]).toBe(0);
    const bad = runBin(["--port", "eighty"]);
    const [code] = await once(bad.child, "exit");
    expect(code).toBe(2);
  });
});
