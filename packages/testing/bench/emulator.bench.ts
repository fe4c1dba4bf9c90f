import { Bench } from "tinybench";
import { startEmulator } from "../src/node.ts";

// Bounded: about 2 s per task, loopback only. One "round trip" is what a client does per image:
// POST /generate for one 1024x1024 image, then GET its PNG to the last byte.

const emulator = await startEmulator();
const headers = { authorization: `Bearer ${emulator.apiKey}`, "content-type": "application/json" };
let nextSeed = 1;

async function roundTrip(imageRequest: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${emulator.url}/generate`, {
    method: "POST",
    headers,
    body: JSON.stringify({ image_request: imageRequest }),
  });
  const body = (await response.json()) as { data: { url: string }[] };
  const image = await fetch(body.data[0]!.url);
  if (image.status !== 200 || (await image.arrayBuffer()).byteLength === 0)
    throw new Error("download failed");
}

async function generateOnly(): Promise<void> {
  const response = await fetch(`${emulator.url}/generate`, {
    method: "POST",
    headers,
    body: JSON.stringify({ image_request: { prompt: "a lighthouse", seed: 1 } }),
  });
  await response.arrayBuffer();
}

/** Round trips per second with `clients` concurrent sequential loops, for `ms` milliseconds. */
async function throughput(clients: number, ms: number): Promise<number> {
  const end = performance.now() + ms;
  let count = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        await roundTrip({ prompt: "a lighthouse", seed: 1 });
        count++;
      }
    }),
  );
  return count / (ms / 1000);
}

const bench = new Bench({ time: 2000, warmupTime: 300 });
bench
  .add("generate + download 1024x1024, same request (PNG cached)", () =>
    roundTrip({ prompt: "a lighthouse", seed: 1 }),
  )
  .add("generate + download 1024x1024, new seed each time (render + deflate)", () =>
    roundTrip({ prompt: "a lighthouse", seed: nextSeed++ }),
  )
  .add("generate only (JSON, no download)", generateOnly);

try {
  await bench.run();
  console.table(
    bench.tasks.map((task) => {
      const result = task.result;
      const opsPerSecond = "throughput" in result ? result.throughput.mean : Number.NaN;
      const latency = "latency" in result ? result.latency.mean : Number.NaN;
      return { task: task.name, "round trips/s": Math.round(opsPerSecond), "mean (ms)": latency.toFixed(2) };
    }),
  );
  const concurrent = await throughput(8, 2000);
  console.table([
    { task: "8 concurrent clients, same request (PNG cached)", "round trips/s": Math.round(concurrent) },
  ]);
} finally {
  await emulator.close();
}
