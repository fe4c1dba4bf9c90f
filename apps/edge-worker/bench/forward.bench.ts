// One generate call straight to the emulator vs through the worker, side by side, loopback only.
// p50/p99 come from sequential calls timed with performance.now() (sub-ms resolution); req/s from
// autocannon with a few connections. Bounded: BENCH_SECONDS (default 3) per measurement.
// Run `pnpm run build` first: the Node row serves the built bundle.
import { join } from "node:path";
import autocannon from "autocannon";
import { ms, percentile, root, start, startEmulator, startWranglerDev, stopAll } from "./processes.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = 8;
const CLIENT_TOKEN = "bench-token";
// No seed: every call is forwarded (a seeded one would be answered by the generation cache).
const BODY = JSON.stringify({ image_request: { prompt: "a lighthouse at dusk" } });

interface Target {
  name: string;
  url: string;
  method: "GET" | "POST";
  authorization?: string;
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
  for (let warm = 0; warm < 50; warm++) await (await fetch(target.url, init)).arrayBuffer();
  const until = performance.now() + SECONDS * 1000;
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

try {
  const { url: emulatorURL, apiKey } = await startEmulator();
  const bindings = {
    UPSTREAM_BASE_URL: `${emulatorURL}/ideogram`,
    IDEOGRAM_API_KEY: apiKey,
    CLIENT_TOKENS: `bench:${CLIENT_TOKEN}`,
    RATE_LIMIT_MAX: "1000000000",
  };
  const workerd = await startWranglerDev(bindings);
  const [, nodeURL] = await start(
    process.execPath,
    [join(root, "bench", "serve-on-node.ts"), JSON.stringify(bindings)],
    /listening on (http:\/\/\S+)/,
  );
  const [, passThroughURL] = await start(
    process.execPath,
    [join(root, "bench", "pass-through-on-node.ts"), `${emulatorURL}/ideogram`, apiKey],
    /listening on (http:\/\/\S+)/,
  );

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
    { name: "pass-through proxy on Node (floor)", url: `${passThroughURL}/generate`, method: "POST" },
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
  const [direct, workerdRow, nodeRow, passThrough, floor] = rows.map((row) => row["p50 ms"]) as [
    number,
    number,
    number,
    number,
    number,
  ];
  console.log(
    `added p50 by the worker on Node (bundle on Node vs direct): ${ms(nodeRow - direct)} ms (target <= 1 ms)`,
  );
  console.log(`  of which the second loopback hop (pass-through vs direct):  ${ms(passThrough - direct)} ms`);
  console.log(`  and the worker's own code (bundle vs pass-through):        ${ms(nodeRow - passThrough)} ms`);
  console.log(`added p50 through wrangler dev (workerd vs direct):        ${ms(workerdRow - direct)} ms`);
  console.log(`  of which the local wrangler dev/workerd floor (/healthz):  ${ms(floor)} ms per call`);
} finally {
  stopAll();
}
