// `pnpm soak`: thousands of generate calls with downloads through @ideokit/node, straight to the
// emulator and through the edge worker (workerd), under seeded random faults on every route.
// Prints what happened and exits non-zero if a file was lost, duplicated or left behind, or if any
// error was not one of ideokit's typed errors. Not part of `npm test`.
// SOAK_CALLS (10000 per path), SOAK_CONCURRENCY (8), SOAK_FAULT_RATE (0.05), SOAK_SEED (1).
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { type GenerateResponse, Ideogram, IdeogramError } from "@ideokit/node";
import type { LoggedRequest } from "@ideokit/testing";
import { startEmulator } from "@ideokit/testing/node";
import { isCompletePng } from "../src/png-complete.ts";
import { startStack } from "../src/stack.ts";

const CALLS = Number(process.env.SOAK_CALLS ?? 10_000);
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 8);
const FAULT_RATE = Number(process.env.SOAK_FAULT_RATE ?? 0.05);
const SEED = Number(process.env.SOAK_SEED ?? 1);
const RSS_EVERY = 1000;
const SIZE = { width: 1024, height: 640 };

/** What the emulator saw: attempts per generate seed and per image path. */
function attemptCounter() {
  const generates = new Map<number, number>();
  const images = new Map<string, number>();
  return {
    onRequest(request: LoggedRequest) {
      if (request.path.endsWith("/generate")) {
        const seed = (request.body as { image_request?: { seed?: number } } | undefined)?.image_request?.seed;
        if (typeof seed === "number") generates.set(seed, (generates.get(seed) ?? 0) + 1);
      } else if (request.path.includes("/images/")) {
        images.set(request.path, (images.get(request.path) ?? 0) + 1);
      }
    },
    generates,
    images,
  };
}

interface PathReport {
  path: string;
  seconds: number;
  ok: number;
  failed: Map<string, number>;
  untyped: string[];
  retried: number;
  saved: number;
  lost: number;
  duplicated: number;
  stray: string[];
  rss: number[];
}

const rssMB = () => Math.round(process.memoryUsage().rss / 2 ** 20);

/** Where one soak path sends its calls, and how to stop what serves it. */
interface SoakTarget {
  baseURL: string;
  apiKey: string | undefined;
  close(): Promise<void>;
}

type AttemptCounter = ReturnType<typeof attemptCounter>;

async function soak(path: string, target: SoakTarget, counter: AttemptCounter): Promise<PathReport> {
  const { baseURL, apiKey } = target;
  const dir = await mkdtemp(join(tmpdir(), "ideokit-soak-"));
  const client = new Ideogram({
    baseURL,
    apiKey,
    auth: apiKey === undefined ? "none" : "bearer",
    timeout: 5000,
    maxRetries: 2,
    env: {},
  });
  const report: PathReport = {
    path,
    seconds: 0,
    ok: 0,
    failed: new Map(),
    untyped: [],
    retried: 0,
    saved: 0,
    lost: 0,
    duplicated: 0,
    stray: [],
    rss: [rssMB()],
  };
  const savedBySeed = new Map<number, string[]>();
  const imagePathBySeed = new Map<number, string>();
  let next = 0;
  let done = 0;
  const started = performance.now();

  const one = async (seed: number) => {
    let response: GenerateResponse | undefined;
    try {
      response = await client.generate({
        prompt: `soak ${seed}`,
        seed,
        magic_prompt_option: "OFF",
        resolution: "RESOLUTION_1024_640",
      });
      const url = response.data[0]?.url;
      if (url) imagePathBySeed.set(seed, new URL(url).pathname);
      const { paths } = await client.saveImages(response, dir);
      savedBySeed.set(seed, paths);
      report.ok += 1;
    } catch (error) {
      if (error instanceof IdeogramError) {
        report.failed.set(error.name, (report.failed.get(error.name) ?? 0) + 1);
      } else {
        report.untyped.push(`seed ${seed}: ${String(error)}`);
      }
    }
    done += 1;
    if (done % RSS_EVERY === 0) report.rss.push(rssMB());
  };

  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < CALLS) await one(++next);
    }),
  );
  report.seconds = (performance.now() - started) / 1000;
  await client.close();

  for (let seed = 1; seed <= CALLS; seed++) {
    const imagePath = imagePathBySeed.get(seed);
    const imageAttempts = imagePath === undefined ? 0 : (counter.images.get(imagePath) ?? 0);
    if ((counter.generates.get(seed) ?? 0) > 1 || imageAttempts > 1) report.retried += 1;
  }
  const expected = new Set([...savedBySeed.values()].flat().map((file) => basename(file)));
  const listed = await readdir(dir);
  report.saved = listed.filter((name) => expected.has(name)).length;
  for (const name of expected) {
    if (!listed.includes(name) || !(await isCompletePng(join(dir, name), SIZE.width, SIZE.height)))
      report.lost += 1;
  }
  for (const name of listed.filter((file) => !expected.has(file))) {
    const seed = Number(/^(\d+)-/.exec(name)?.[1]);
    if (savedBySeed.has(seed)) report.duplicated += 1;
    else report.stray.push(name);
  }
  await rm(dir, { recursive: true, force: true });
  return report;
}

/** Starts what serves a path with the attempt counter as the emulator's request listener, soaks it, stops it. */
async function runPath(
  path: string,
  start: (onRequest: (request: LoggedRequest) => void) => Promise<SoakTarget>,
): Promise<PathReport> {
  const counter = attemptCounter();
  const target = await start(counter.onRequest);
  try {
    return await soak(path, target, counter);
  } finally {
    await target.close();
  }
}

function print(report: PathReport): void {
  const failed = [...report.failed].map(([name, count]) => `${name} ${count}`).join(", ") || "none";
  const rate = Math.round(CALLS / report.seconds);
  console.log(`\n## ${report.path}`);
  console.log(
    `${CALLS} calls in ${report.seconds.toFixed(1)} s (${rate}/s), concurrency ${CONCURRENCY}, faults ${FAULT_RATE * 100} % on every route (seed ${SEED})`,
  );
  console.log(`ok ${report.ok} | failed with a typed error ${CALLS - report.ok - report.untyped.length} (${failed})`);
  console.log(`retried ${report.retried} | images saved ${report.saved}`);
  console.log(
    `lost ${report.lost} | duplicated ${report.duplicated} | stray files ${report.stray.length} | untyped errors ${report.untyped.length}`,
  );
  console.log(`RSS MB every ${RSS_EVERY} calls: ${report.rss.join(" → ")}`);
  for (const line of [...report.untyped.slice(0, 5), ...report.stray.slice(0, 5)]) console.log(`  ${line}`);
}

const faults = { rate: FAULT_RATE, seed: SEED, on: "all" as const };
const reports = [
  await runPath("node → emulator", async (onRequest) => {
    const emulator = await startEmulator({ faults, logLimit: 10, onRequest });
    return { baseURL: emulator.url, apiKey: emulator.apiKey, close: () => emulator.close() };
  }),
  await runPath("node → worker (workerd) → emulator", async (onRequest) => {
    const stack = await startStack({ upstreamTimeoutMs: 5000, emulator: { faults, logLimit: 10, onRequest } });
    return {
      baseURL: `${stack.worker.url}/ideogram`,
      apiKey: undefined,
      close: () => stack.close(),
    };
  }),
];
for (const report of reports) print(report);
const broken = reports.some(
  (report) => report.lost + report.duplicated + report.stray.length + report.untyped.length > 0,
);
console.log(`\nsoak ${broken ? "FAILED" : "passed"}`);
process.exit(broken ? 1 : 0);
