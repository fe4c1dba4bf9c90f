// `pnpm soak`: thousands of generate calls with downloads through @ideokit/node, straight to the
// emulator and through the edge worker (workerd), under seeded random faults on every route.
// Prints what happened and exits non-zero if a file was lost, duplicated or left behind, or if any
// error was not one of ideokit's typed errors. Not part of `npm test`.
// SOAK_CALLS (10000 per path), SOAK_CONCURRENCY (8), SOAK_FAULT_RATE (0.05), SOAK_SEED (1).
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { Ideogram, IdeogramError } from "@ideokit/node";
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

/** What the calls of one path produced: the files each successful seed saved, and its image's URL path. */
interface Outcomes {
  savedBySeed: Map<number, string[]>;
  imagePathBySeed: Map<number, string>;
}

function emptyReport(path: string): PathReport {
  return {
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
}

/** One user action: generate (seed = call number, so every file name is known), then save its image. */
async function generateAndSaveOne(
  client: Ideogram,
  seed: number,
  dir: string,
  report: PathReport,
  outcomes: Outcomes,
): Promise<void> {
  try {
    const response = await client.generate({
      prompt: `soak ${seed}`,
      seed,
      magic_prompt_option: "OFF",
      resolution: "RESOLUTION_1024_640",
    });
    const url = response.data[0]?.url;
    if (url) outcomes.imagePathBySeed.set(seed, new URL(url).pathname);
    outcomes.savedBySeed.set(seed, (await client.saveImages(response, dir)).paths);
    report.ok += 1;
  } catch (error) {
    if (error instanceof IdeogramError)
      report.failed.set(error.name, (report.failed.get(error.name) ?? 0) + 1);
    else report.untyped.push(`seed ${seed}: ${String(error)}`);
  }
}

/** Calls whose generate or download reached the emulator more than once. */
function countRetried(counter: AttemptCounter, outcomes: Outcomes): number {
  let retried = 0;
  for (let seed = 1; seed <= CALLS; seed++) {
    const imagePath = outcomes.imagePathBySeed.get(seed);
    const imageAttempts = imagePath === undefined ? 0 : (counter.images.get(imagePath) ?? 0);
    if ((counter.generates.get(seed) ?? 0) > 1 || imageAttempts > 1) retried += 1;
  }
  return retried;
}

/** Lists `dir` against the successful calls: saved, lost (missing or not a whole PNG), duplicated, stray. */
async function checkFiles(dir: string, report: PathReport, outcomes: Outcomes): Promise<void> {
  const expected = new Set([...outcomes.savedBySeed.values()].flat().map((file) => basename(file)));
  const listed = await readdir(dir);
  report.saved = listed.filter((name) => expected.has(name)).length;
  for (const name of expected) {
    if (!listed.includes(name) || !(await isCompletePng(join(dir, name), SIZE.width, SIZE.height)))
      report.lost += 1;
  }
  for (const name of listed.filter((file) => !expected.has(file))) {
    // A second file for a seed that succeeded (`<seed>-0-1.png`) is a duplicate; anything else is stray.
    const seed = Number(/^(\d+)-/.exec(name)?.[1]);
    if (outcomes.savedBySeed.has(seed)) report.duplicated += 1;
    else report.stray.push(name);
  }
}

/** CALLS generate + save calls, CONCURRENCY at a time, into a fresh directory that is checked and removed. */
async function soak(path: string, target: SoakTarget, counter: AttemptCounter): Promise<PathReport> {
  const dir = await mkdtemp(join(tmpdir(), "ideokit-soak-"));
  const client = new Ideogram({
    baseURL: target.baseURL,
    apiKey: target.apiKey,
    auth: target.apiKey === undefined ? "none" : "bearer",
    timeout: 5000,
    maxRetries: 2,
    env: {},
  });
  const report = emptyReport(path);
  const outcomes: Outcomes = { savedBySeed: new Map(), imagePathBySeed: new Map() };
  let next = 0;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < CALLS) {
        await generateAndSaveOne(client, ++next, dir, report, outcomes);
        done += 1;
        if (done % RSS_EVERY === 0) report.rss.push(rssMB());
      }
    }),
  );
  report.seconds = (performance.now() - started) / 1000;
  if (done % RSS_EVERY !== 0) report.rss.push(rssMB());
  await client.close();
  report.retried = countRetried(counter, outcomes);
  await checkFiles(dir, report, outcomes);
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
  console.log(
    `ok ${report.ok} | failed with a typed error ${CALLS - report.ok - report.untyped.length} (${failed})`,
  );
  console.log(`retried ${report.retried} | images saved ${report.saved}`);
  console.log(
    `lost ${report.lost} | duplicated ${report.duplicated} | stray files ${report.stray.length} | untyped errors ${report.untyped.length}`,
  );
  console.log(`RSS MB at the start, every ${RSS_EVERY} calls, at the end: ${report.rss.join(" → ")}`);
  for (const line of [...report.untyped.slice(0, 5), ...report.stray.slice(0, 5)]) console.log(`  ${line}`);
}

const faults = { rate: FAULT_RATE, seed: SEED, on: "all" as const };
const reports = [
  await runPath("node → emulator", async (onRequest) => {
    const emulator = await startEmulator({ faults, logLimit: 10, onRequest });
    return { baseURL: emulator.url, apiKey: emulator.apiKey, close: () => emulator.close() };
  }),
  await runPath("node → worker (workerd) → emulator", async (onRequest) => {
    const stack = await startStack({
      upstreamTimeoutMs: 5000,
      emulator: { faults, logLimit: 10, onRequest },
    });
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
