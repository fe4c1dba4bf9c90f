// The worker's caches, side by side under `wrangler dev` (workerd, local Cache API), loopback only:
// a seeded generate call answered by the generation cache (HIT) vs forwarded (MISS), and a proxied
// image served from the edge cache (HIT) vs fetched from the upstream (MISS), with the emulator
// directly as the floor. Every sample's x-ideokit-cache is checked, so each row measures what it
// names. Bounded: BENCH_SECONDS (default 3) per generate row, BENCH_IMAGES (default 160) per image row.
import { randomUUID } from "node:crypto";
import { ms, percentile, startEmulator, startWranglerDev, stopAll } from "./processes.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const IMAGES = Number(process.env.BENCH_IMAGES ?? 160);
const CLIENT_TOKEN = "bench-token";
const PROMPT = `a lighthouse at dusk ${randomUUID()}`;

interface Sample {
  ms: number;
  status: string | null;
}

async function timed(url: string, init?: RequestInit): Promise<{ sample: Sample; body: ArrayBuffer }> {
  const started = performance.now();
  const response = await fetch(url, init);
  const body = await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: status ${response.status}`);
  return {
    sample: { ms: performance.now() - started, status: response.headers.get("x-ideokit-cache") },
    body,
  };
}

function generateInit(seed: number, numImages = 1, authorization = `Bearer ${CLIENT_TOKEN}`): RequestInit {
  return {
    method: "POST",
    headers: { authorization, "content-type": "application/json" },
    body: JSON.stringify({ image_request: { prompt: PROMPT, seed, num_images: numImages } }),
  };
}

/** Sequential calls for SECONDS (at most 50 000). */
async function forSeconds(call: (index: number) => Promise<Sample>): Promise<Sample[]> {
  const samples: Sample[] = [];
  const until = performance.now() + SECONDS * 1000;
  while (performance.now() < until && samples.length < 50_000) samples.push(await call(samples.length));
  return samples;
}

function row(name: string, samples: Sample[], expected: string | null) {
  const wrong = samples.filter((sample) => sample.status !== expected).length;
  if (wrong > 0) throw new Error(`${name}: ${wrong} of ${samples.length} samples were not ${expected}`);
  const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  return {
    scenario: name,
    "p50 ms": ms(percentile(sorted, 0.5)),
    "p99 ms": ms(percentile(sorted, 0.99)),
    "mean ms": ms(sorted.reduce((sum, value) => sum + value, 0) / sorted.length),
    samples: sorted.length,
  };
}

try {
  const emulator = await startEmulator();
  const worker = await startWranglerDev({
    UPSTREAM_BASE_URL: `${emulator.url}/ideogram`,
    IDEOGRAM_API_KEY: emulator.apiKey,
    CLIENT_TOKENS: `bench:${CLIENT_TOKEN}`,
    RATE_LIMIT_MAX: "1000000000",
    IMAGE_SIGNING_SECRET: randomUUID(),
    // The emulator listens on 127.0.0.1: a local-development setting.
    ALLOW_PRIVATE_IMAGE_HOSTS: "true",
  });
  const generateURL = `${worker}/ideogram/generate`;
  for (let warm = 0; warm < 30; warm++) await timed(generateURL, generateInit(1_000_000 + warm));

  // A fresh seed per call is a fresh request: always forwarded, then stored.
  const misses = await forSeconds(async (index) => (await timed(generateURL, generateInit(index))).sample);
  await timed(generateURL, generateInit(0));
  const hits = await forSeconds(async () => (await timed(generateURL, generateInit(0))).sample);
  const emulatorGenerate = await forSeconds(async (index) => {
    const init = generateInit(index, 1, `Bearer ${emulator.apiKey}`);
    return { ...(await timed(`${emulator.url}/ideogram/generate`, init)).sample, status: null };
  });
  const floor = await forSeconds(async () => ({
    ...(await timed(`${worker}/healthz`)).sample,
    status: null,
  }));

  // Distinct images: generate batches of 8 (seeds far from the rows above), collect proxied URLs.
  const urls: string[] = [];
  for (let seed = 2_000_000; urls.length < IMAGES; seed++) {
    const { body } = await timed(generateURL, generateInit(seed, 8));
    const { data } = JSON.parse(new TextDecoder().decode(body)) as { data: { url: string }[] };
    urls.push(...data.map((image) => image.url));
  }
  const upstreamURLs = urls.map((url) => {
    const payload = new URL(url).pathname.split("/").at(-1)!.split(".")[0]!;
    return (JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { u: string }).u;
  });
  const fromUpstream: Sample[] = [];
  for (const url of urls.slice(0, IMAGES)) fromUpstream.push((await timed(url)).sample);
  // After the worker's downloads, so both rows find the PNG already rendered by the emulator.
  const direct: Sample[] = [];
  for (const url of upstreamURLs.slice(0, IMAGES))
    direct.push({ ...(await timed(url)).sample, status: null });
  // The edge copy is written after the first answer (waitUntil): read each once until it is a HIT.
  for (const url of urls.slice(0, IMAGES)) {
    for (let attempt = 0; attempt < 50 && (await timed(url)).sample.status !== "HIT"; attempt++);
  }
  const fromEdge: Sample[] = [];
  for (const url of urls.slice(0, IMAGES)) fromEdge.push((await timed(url)).sample);

  console.table([
    row("wrangler dev floor: GET /healthz", floor, null),
    row("generate: emulator directly", emulatorGenerate, null),
    row("generate, seeded, via worker: forwarded (MISS)", misses, "MISS"),
    row("generate, seeded, via worker: generation cache (HIT)", hits, "HIT"),
    row("image: emulator directly", direct, null),
    row("image via worker: from upstream (MISS)", fromUpstream, "MISS"),
    row("image via worker: from edge cache (HIT)", fromEdge, "HIT"),
  ]);
  console.log(
    "1024x1024 PNGs of about 35 kB. The emulator answers generate in about a millisecond; the real\n" +
      "upstream takes seconds, which a HIT saves entirely. Worker rows include the wrangler dev floor.",
  );
} finally {
  stopAll();
}
