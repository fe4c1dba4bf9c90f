// Child processes of the benchmarks (emulator, wrangler dev, the bundle on Node), on loopback only.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

/** The package directory. */
export const root = join(import.meta.dirname, "..");
const bin = (name: string) => join(root, "node_modules", ".bin", name);
const children: ChildProcess[] = [];

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts a child process and resolves with the first match of `ready` in its output. */
export function start(command: string, args: string[], ready: RegExp, env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return new Promise<RegExpMatchArray>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`${command} did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      if (output.length > 100_000) return;
      output += chunk;
      const match = output.match(ready);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`${command} exited with ${code}:\n${output}`)));
  });
}

/** Stops every child this process started. */
export function stopAll(): void {
  for (const child of children) child.kill("SIGTERM");
}

/** Starts the @ideokit/testing emulator on a free loopback port: its URL and key. */
export async function startEmulator(): Promise<{ url: string; apiKey: string }> {
  const [, url, apiKey] = await start(
    bin("ideokit-emulator"),
    ["--port", "0"],
    /listening on (http:\/\/\S+)[\s\S]*api key: (\S+)/,
  );
  return { url: url!, apiKey: apiKey! };
}

/** wrangler.jsonc with a Rate Limiting binding too large to refuse a benchmark, and absolute paths. */
function benchConfig(): string {
  const config = JSON.parse(readFileSync(join(root, "wrangler.jsonc"), "utf8").replace(/^\s*\/\/.*$/gm, ""));
  config.main = join(root, config.main);
  if (config.assets) config.assets.directory = join(root, config.assets.directory);
  for (const limiter of config.ratelimits) limiter.simple.limit = 1_000_000_000;
  const dir = join(root, ".wrangler", "bench");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "wrangler.json");
  writeFileSync(path, JSON.stringify(config));
  return path;
}

async function waitUntilUp(url: string): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt++) {
    if (
      await fetch(url).then(
        (response) => response.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not come up`);
}

/** Starts the worker under `wrangler dev` (offline, local) with these vars; resolves with its origin once up. */
export async function startWranglerDev(vars: Record<string, string>): Promise<string> {
  const port = await freePort();
  start(
    bin("wrangler"),
    [
      "dev",
      ...["--config", benchConfig(), "--ip", "127.0.0.1", "--port", String(port)],
      ...["--show-interactive-dev-session=false", "--log-level", "error"],
      ...Object.entries(vars).flatMap(([name, value]) => ["--var", `${name}:${value}`]),
    ],
    /$^/,
    { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
  ).catch(() => {});
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${origin}/healthz`);
  return origin;
}

/** The value at quantile `p` of ascending `sorted`. */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/** Milliseconds rounded for a table. */
export const ms = (value: number) => Number(value.toFixed(3));
