// Uploads: how much a 10 MB image grows the client's RSS, and multipart calls/s against the
// emulator. Each RSS run is a fresh child process (the emulator stays in this one, so its parsing
// of the upload is not counted): one small call first, so lazily loaded code is not counted either,
// then the peak RSS over the upload, sampled every millisecond, minus the RSS before it.
import { execFile } from "node:child_process";
import { openAsBlob } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { examplePng } from "@ideokit/core";
import { startEmulator } from "@ideokit/testing/node";
import { Ideogram } from "../src/index.ts";

const API_KEY = "bench-key-0123456789";
const IMAGE_BYTES = 10_000_000;
const RSS_RUNS = 5;
const CALLS = 1500;
const CONCURRENCY = 16;
const TIME_BUDGET_MS = 10_000;

type Mode = "ideokit" | "fetch";

/** One upload of `file` in this (child) process; prints the RSS growth in bytes. */
async function child(mode: Mode, url: string, file: string, small: string): Promise<void> {
  const client = new Ideogram({ apiKey: API_KEY, baseURL: url, env: {}, maxRetries: 0 });
  const upload = async (path: string) => {
    if (mode === "ideokit") return client.v3.generate({ prompt: "a fox", style_reference_images: [path] });
    // What the issue measured: fs.openAsBlob + FormData + fetch.
    const form = new FormData();
    form.append("prompt", "a fox");
    form.append("style_reference_images", await openAsBlob(path, { type: "image/png" }), "style.png");
    const response = await fetch(`${url}/v1/ideogram-v3/generate`, {
      method: "POST",
      headers: { authorization: `Bearer ${API_KEY}` },
      body: form,
    });
    if (!response.ok) throw new Error(`upload failed: ${response.status}`);
    return response.json();
  };
  await upload(small);
  globalThis.gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 1);
  await upload(file);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  await client.close();
  process.stdout.write(String(peak - before));
}

const megabytes = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

// Asynchronously: the emulator in this process has to answer the child.
async function rssGrowth(mode: Mode, url: string, file: string, small: string): Promise<number[]> {
  const runs: number[] = [];
  for (let run = 0; run < RSS_RUNS; run++) {
    const args = ["--expose-gc", import.meta.filename, "child", mode, url, file, small];
    const { stdout } = await promisify(execFile)(process.execPath, args, { encoding: "utf8" });
    runs.push(Number(stdout));
  }
  return runs.sort((a, b) => a - b);
}

async function callsPerSecond(call: () => Promise<unknown>): Promise<{ calls: number; perSecond: number }> {
  let started = 0;
  const deadline = performance.now() + TIME_BUDGET_MS;
  const worker = async () => {
    while (started < CALLS && performance.now() < deadline) {
      started++;
      await call();
    }
  };
  const begin = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { calls: started, perSecond: Math.round(started / ((performance.now() - begin) / 1000)) };
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ apiKey: API_KEY });
  const dir = await mkdtemp(join(tmpdir(), "ideokit-upload-bench-"));
  const client = new Ideogram({ apiKey: API_KEY, baseURL: emulator.url, env: {} });
  try {
    // A real PNG header (what the checks read) padded to 10 MB.
    const head = examplePng(64, 64);
    const image = new Uint8Array(IMAGE_BYTES);
    image.set(head);
    const file = join(dir, "ten-mb.png");
    const small = join(dir, "small.png");
    await writeFile(file, image);
    await writeFile(small, head);

    const rows = [];
    for (const mode of ["ideokit", "fetch"] as const) {
      const runs = await rssGrowth(mode, emulator.url, file, small);
      rows.push({
        task:
          mode === "ideokit"
            ? "ideokit v3.generate, path (streamed multipart)"
            : "fetch + fs.openAsBlob + FormData",
        "MB uploaded": (IMAGE_BYTES / 1e6).toFixed(0),
        "RSS growth median MB": megabytes(runs[Math.floor(runs.length / 2)]!),
        "RSS growth max MB": megabytes(runs[runs.length - 1]!),
        runs: runs.length,
      });
    }
    console.log("Upload RSS (goal: < 16 MB for a 10 MB image)");
    console.table(rows);

    const png = examplePng(8, 8);
    await client.v3.generate({ prompt: "warm-up", style_reference_images: [png] });
    const multipart = await callsPerSecond(() =>
      client.v3.generate({ prompt: "a fox", style_reference_images: [png] }),
    );
    const json = await callsPerSecond(() => client.v3.generate({ prompt: "a fox" }));
    console.log(`Calls against the emulator, concurrency ${CONCURRENCY}`);
    console.table([
      {
        task: "v3.generate multipart (one 8x8 PNG reference)",
        calls: multipart.calls,
        "calls/s": multipart.perSecond,
      },
      { task: "v3.generate JSON (no file)", calls: json.calls, "calls/s": json.perSecond },
    ]);
  } finally {
    await client.close();
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const [role, mode, url, file, small] = process.argv.slice(2);
if (role === "child") await child(mode as Mode, url!, file!, small!);
else await main();
