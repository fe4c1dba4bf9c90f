// Loopback throughput of @ideokit/node against the emulator: generate calls/s with p50/p99
// latency at bounded concurrency (plain fetch alongside for scale), and saveImages MB/s.
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "@ideokit/testing/node";
import { Ideogram } from "../src/index.ts";

const CALLS = 2000;
const WARM_UP_CALLS = 300;
const CONCURRENCY = 16;
const SAVE_ROUNDS = 30;
const TIME_BUDGET_MS = 15_000;

interface Measured {
  name: string;
  calls: number;
  seconds: number;
  latencies: number[];
}

async function measure(name: string, calls: number, call: () => Promise<unknown>): Promise<Measured> {
  const latencies: number[] = [];
  const deadline = performance.now() + TIME_BUDGET_MS;
  let started = 0;
  const worker = async () => {
    while (started < calls && performance.now() < deadline) {
      started++;
      const begin = performance.now();
      await call();
      latencies.push(performance.now() - begin);
    }
  };
  const begin = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { name, calls: latencies.length, seconds: (performance.now() - begin) / 1000, latencies };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function row({ name, calls, seconds, latencies }: Measured) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    task: name,
    calls,
    "calls/s": Math.round(calls / seconds),
    "p50 ms": percentile(sorted, 50).toFixed(2),
    "p99 ms": percentile(sorted, 99).toFixed(2),
  };
}

const emulator = await startEmulator({ apiKey: "bench-key" });
const client = new Ideogram({ apiKey: "bench-key", baseURL: emulator.url, env: {} });
const request = { prompt: "a lighthouse at dusk", seed: 1 };
const viaIdeokit = () => client.generate(request);
const viaFetch = async () => {
  const response = await fetch(`${emulator.url}/generate`, {
    method: "POST",
    headers: { authorization: "Bearer bench-key", "content-type": "application/json" },
    body: JSON.stringify({ image_request: request }),
  });
  await response.json();
};
try {
  // Warm up both paths (and the in-process emulator) so neither pays for JIT compilation.
  await measure("warm-up", WARM_UP_CALLS, viaIdeokit);
  await measure("warm-up", WARM_UP_CALLS, viaFetch);
  const generate = await measure("ideokit generate (validate + undici + parse)", CALLS, viaIdeokit);
  const plainFetch = await measure("plain fetch POST /generate (no validation)", CALLS, viaFetch);
  console.table([row(generate), row(plainFetch)]);

  const response = await client.generate({ ...request, num_images: 8, resolution: "RESOLUTION_1536_640" });
  const dir = await mkdtemp(join(tmpdir(), "ideokit-bench-"));
  try {
    await client.saveImages(response, join(dir, "warm-up"));
    let bytes = 0;
    let files = 0;
    const begin = performance.now();
    for (let round = 0; round < SAVE_ROUNDS && performance.now() - begin < TIME_BUDGET_MS; round++) {
      const { paths } = await client.saveImages(response, join(dir, String(round)), { concurrency: 4 });
      for (const path of paths) bytes += (await stat(path)).size;
      files += paths.length;
    }
    const seconds = (performance.now() - begin) / 1000;
    console.table([
      {
        task: "saveImages (8 PNGs per call, temp file + link)",
        files,
        "files/s": Math.round(files / seconds),
        "MB saved": (bytes / 1e6).toFixed(1),
        "MB/s": (bytes / 1e6 / seconds).toFixed(1),
      },
    ]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
} finally {
  await client.close();
  await emulator.close();
}
