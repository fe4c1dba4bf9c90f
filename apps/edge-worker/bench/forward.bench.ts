// One generate call straight to the emulator vs through the worker, side by side, loopback only.
// p50/p99 come from sequential calls timed with performance.now() (sub-ms resolution); req/s from
// autocannon with a few connections. Bounded: BENCH_SECONDS (default 3) per measurement.
// Run `pnpm run build` first: the Node row serves the built bundle.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import autocannon from "autocannon";

const root = join(import.meta.dirname, "..");
const bin = (name: string) => join(root, "node_modules", ".bin", name);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = 8;
const CLIENT_TOKEN = "bench-token";
const BODY = JSON.stringify({ image_request: { prompt: "a lighthouse at dusk", seed: 7 } });
const children: ChildProcess[] = [];

interface Target {
  name: string;
  url: string;
  method: "GET" | "POST";
  authorization?: string;
}

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

/** wrangler.jsonc with a Rate Limiting binding too large to refuse a benchmark, and an absolute main. */
function benchConfig(): string {
  const config = JSON.parse(readFileSync(join(root, "wrangler.jsonc"), "utf8").replace(/^\s*\/\/.*$/gm, ""));
  config.main = join(root, config.main);
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

function requestInit(target: Target): RequestInit {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (target.authorization) headers.authorization = target.authorization;
  return { method: target.method, headers, body: target.method === "POST" ? BODY : undefined };
}

/** Sequential calls for SECONDS: every latency, sorted, in ms. */
async function latencies(target: Target): Promise<number[]> {
  const init = requestInit(target);
  const samples: number[] = [];
  const until = performance.now() + SECONDS * 1000;
  for (let warm = 0; warm < 50; warm++) await (await fetch(target.url, init)).arrayBuffer();
  while (performance.now() < until && samples.length < 50_000) {
    const started = performance.now();
    const response = await fetch(target.url, init);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${target.name}: status ${response.status}`);
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b);
}

async function requestsPerSecond(target: Target): Promise<number> {
  const init = requestInit(target);
  const result = await autocannon({
    url: target.url,
    method: target.method,
    headers: init.headers as Record<string, string>,
    body: target.method === "POST" ? BODY : undefined,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  if (result.errors || result.timeouts || result.non2xx) {
    throw new Error(
      `${target.name}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`,
    );
  }
  return result.requests.average;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const ms = (value: number) => Number(value.toFixed(3));

try {
  const [, emulatorURL, apiKey] = await start(
    bin("ideokit-emulator"),
    ["--port", "0"],
    /listening on (http:\/\/\S+)[\s\S]*api key: (\S+)/,
  );
  const bindings = {
    UPSTREAM_BASE_URL: `${emulatorURL}/ideogram`,
    IDEOGRAM_API_KEY: apiKey!,
    CLIENT_TOKENS: `bench:${CLIENT_TOKEN}`,
    RATE_LIMIT_MAX: "1000000000",
  };
  const workerPort = await freePort();
  start(
    bin("wrangler"),
    [
      "dev",
      ...["--config", benchConfig(), "--ip", "127.0.0.1", "--port", String(workerPort)],
      ...["--show-interactive-dev-session=false", "--log-level", "error"],
      ...Object.entries(bindings).flatMap(([name, value]) => ["--var", `${name}:${value}`]),
    ],
    /$^/,
    { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
  ).catch(() => {});
  const workerd = `http://127.0.0.1:${workerPort}`;
  const [, nodeURL] = await start(
    process.execPath,
    [join(root, "bench", "serve-on-node.ts"), JSON.stringify(bindings)],
    /listening on (http:\/\/\S+)/,
  );
  await waitUntilUp(`${workerd}/healthz`);

  const client = `Bearer ${CLIENT_TOKEN}`;
  const targets: Target[] = [
    {
      name: "emulator direct",
      url: `${emulatorURL}/ideogram/generate`,
      method: "POST",
      authorization: `Bearer ${apiKey}`,
    },
    {
      name: "worker on workerd (wrangler dev)",
      url: `${workerd}/ideogram/generate`,
      method: "POST",
      authorization: client,
    },
    {
      name: "worker bundle on Node",
      url: `${nodeURL}/ideogram/generate`,
      method: "POST",
      authorization: client,
    },
    { name: "wrangler dev floor: GET /healthz", url: `${workerd}/healthz`, method: "GET" },
  ];
  const rows = [];
  for (const target of targets) {
    const sorted = await latencies(target);
    rows.push({
      target: target.name,
      "p50 ms": ms(percentile(sorted, 0.5)),
      "p99 ms": ms(percentile(sorted, 0.99)),
      samples: sorted.length,
      [`req/s (${CONNECTIONS} conn)`]: Math.round(await requestsPerSecond(target)),
    });
  }
  console.table(rows);
  const [direct, workerdRow, nodeRow, floor] = rows.map((row) => row["p50 ms"]) as [
    number,
    number,
    number,
    number,
  ];
  console.log(
    `added p50 by the worker's code (bundle on Node vs direct): ${ms(nodeRow - direct)} ms (target <= 1 ms)`,
  );
  console.log(`added p50 through wrangler dev (workerd vs direct):        ${ms(workerdRow - direct)} ms`);
  console.log(`  of which the local wrangler dev/workerd floor (/healthz):  ${ms(floor)} ms per call`);
} finally {
  for (const child of children) child.kill("SIGTERM");
}
