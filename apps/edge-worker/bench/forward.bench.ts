// Latency and throughput of one generate call straight to the emulator vs through the worker
// (wrangler dev, offline, loopback only), side by side. Bounded: a few seconds per row.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import autocannon from "autocannon";

const root = join(import.meta.dirname, "..");
const bin = (name: string) => join(root, "node_modules", ".bin", name);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CLIENT_TOKEN = "bench-token";
const BODY = JSON.stringify({ image_request: { prompt: "a lighthouse at dusk", seed: 7 } });
const children: ChildProcess[] = [];

function freePort(): Promise<number> {
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
function start(command: string, args: string[], ready: RegExp, env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return new Promise<RegExpMatchArray>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`${command} did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
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

/** wrangler.jsonc with a Rate Limiting binding too large to refuse a benchmark, and an absolute main. */
function benchConfig(): string {
  const text = readFileSync(join(root, "wrangler.jsonc"), "utf8").replace(/^\s*\/\/.*$/gm, "");
  const config = JSON.parse(text);
  config.main = join(root, config.main);
  for (const limiter of config.ratelimits) limiter.simple.limit = 1_000_000_000;
  const dir = join(root, ".wrangler", "bench");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "wrangler.json");
  writeFileSync(path, JSON.stringify(config));
  return path;
}

async function measure(url: string, authorization: string, connections: number) {
  const result = await autocannon({
    url,
    method: "POST",
    headers: { authorization, "content-type": "application/json" },
    body: BODY,
    connections,
    duration: SECONDS,
    warmup: { connections, duration: 1 },
  });
  if (result.errors || result.timeouts || result.non2xx) {
    throw new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`);
  }
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average };
}

try {
  const [, emulatorURL, apiKey] = await start(
    bin("ideokit-emulator"),
    ["--port", "0"],
    /listening on (http:\/\/\S+)[\s\S]*api key: (\S+)/,
  );
  const workerPort = await freePort();
  const vars = { UPSTREAM_BASE_URL: `${emulatorURL}/ideogram`, IDEOGRAM_API_KEY: apiKey!, CLIENT_TOKENS: `bench:${CLIENT_TOKEN}` };
  await start(
    bin("wrangler"),
    [
      "dev",
      "--config",
      benchConfig(),
      "--ip",
      "127.0.0.1",
      "--port",
      String(workerPort),
      "--show-interactive-dev-session=false",
      "--log-level",
      "warn",
      ...Object.entries(vars).flatMap(([name, value]) => ["--var", `${name}:${value}`]),
    ],
    /Ready on|listening/i,
    { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_LOG: "warn" },
  ).catch(async () => {
    // With --log-level warn wrangler prints nothing once ready: poll the health route instead.
  });
  for (let attempt = 0; attempt < 100; attempt++) {
    const ok = await fetch(`http://127.0.0.1:${workerPort}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const rows: Record<string, string | number>[] = [];
  for (const connections of [1, 8]) {
    const direct = await measure(`${emulatorURL}/ideogram/generate`, `Bearer ${apiKey}`, connections);
    const worker = await measure(`http://127.0.0.1:${workerPort}/ideogram/generate`, `Bearer ${CLIENT_TOKEN}`, connections);
    for (const [name, row] of [["emulator direct", direct], ["through worker", worker]] as const) {
      rows.push({ connections, path: name, "p50 ms": row.p50, "p99 ms": row.p99, "req/s": Math.round(row.rps) });
    }
    rows.push({ connections, path: "added by worker", "p50 ms": +(worker.p50 - direct.p50).toFixed(2), "p99 ms": +(worker.p99 - direct.p99).toFixed(2), "req/s": "" });
  }
  console.table(rows);
} finally {
  for (const child of children) child.kill("SIGTERM");
}
