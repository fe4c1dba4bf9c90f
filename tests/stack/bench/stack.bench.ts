// End to end on loopback: one generate call plus the download of its image to disk through
// @ideokit/node, straight to the emulator and through the edge worker in workerd (miniflare).
// Bounded: about 2 s per task plus a 2 s concurrent run per path.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateAndSave, Ideogram } from "@ideokit/node";
import { Bench } from "tinybench";
import { startStack } from "../src/stack.ts";

const CONCURRENCY = 8;
const CONCURRENT_MS = 2000;

const stack = await startStack({ upstreamTimeoutMs: 5000 });
const dir = await mkdtemp(join(tmpdir(), "ideokit-stack-bench-"));
const direct = new Ideogram({ baseURL: stack.emulator.url, apiKey: stack.emulator.apiKey, env: {} });
const viaWorker = new Ideogram({ baseURL: `${stack.worker.url}/ideogram`, auth: "none", env: {} });
let seed = 1;
// A new seed every call: each image is rendered and written anew, as for a real user.
const request = () => ({
  prompt: "a lighthouse at dusk",
  seed: seed++,
  resolution: "RESOLUTION_1024_640" as const,
});
const generateAndDownload = (client: Ideogram) => () => generateAndSave(client, request(), dir);

/** Calls per second with `CONCURRENCY` loops running `call` back to back. */
async function throughput(call: () => Promise<unknown>): Promise<number> {
  const end = performance.now() + CONCURRENT_MS;
  let count = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        await call();
        count++;
      }
    }),
  );
  return count / (CONCURRENT_MS / 1000);
}

const bench = new Bench({ time: 2000, warmupTime: 300 });
bench
  .add("node → emulator: generate + save 1024x640 PNG", generateAndDownload(direct))
  .add("node → worker (workerd) → emulator: generate + save", generateAndDownload(viaWorker))
  .add("node → worker (workerd) → emulator: generate only", () => viaWorker.generate(request()));

try {
  await bench.run();
  console.table(
    bench.tasks.map((task) => {
      const result = task.result;
      const perSecond = "throughput" in result ? result.throughput.mean : Number.NaN;
      const latency = "latency" in result ? result.latency : undefined;
      return {
        task: task.name,
        "calls/s": Math.round(perSecond),
        "mean ms": latency?.mean.toFixed(2) ?? "n/a",
        "p99 ms": latency?.p99?.toFixed(2) ?? "n/a",
      };
    }),
  );
  console.table([
    {
      task: `node → emulator, ${CONCURRENCY} concurrent: generate + save`,
      "calls/s": Math.round(await throughput(generateAndDownload(direct))),
    },
    {
      task: `node → worker → emulator, ${CONCURRENCY} concurrent: generate + save`,
      "calls/s": Math.round(await throughput(generateAndDownload(viaWorker))),
    },
  ]);
} finally {
  await Promise.all([direct.close(), viaWorker.close()]);
  await stack.close();
  await rm(dir, { recursive: true, force: true });
}
