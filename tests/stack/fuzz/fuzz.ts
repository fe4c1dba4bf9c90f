// `pnpm fuzz`: the worker properties of the test suite with many more cases and a fresh seed.
// FUZZ_RUNS (default 30000) and FUZZ_SEED override; each property stops after FUZZ_SECONDS (default 180).
import fc from "fast-check";
import { startHostileUpstream } from "../src/hostile-upstream.ts";
import { startStack, UPSTREAM_KEY } from "../src/stack.ts";
import { startWorker } from "../src/start-worker.ts";
import {
  FUZZ_WORKER_BINDINGS,
  fuzzFormRequest,
  fuzzRequest,
  hostileProperty,
  hostileWorkerBindings,
  keyEchoRequest,
  workerProperty,
} from "../src/worker-fuzz.ts";

const runs = Number(process.env.FUZZ_RUNS ?? 30_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const timeLimitMs = 1000 * Number(process.env.FUZZ_SECONDS ?? 180);

const stack = await startStack({ upstreamTimeoutMs: 5000, workerBindings: FUZZ_WORKER_BINDINGS });
const hostile = await startHostileUpstream();
const hostileWorker = await startWorker({
  upstreamURL: hostile.baseURL,
  apiKey: UPSTREAM_KEY,
  upstreamTimeoutMs: 5000,
  bindings: hostileWorkerBindings(hostile.host),
});
let failed = false;

/** Runs one property with the run's seed and time limit, and reports it. */
async function check<T extends [unknown]>(name: string, property: fc.IAsyncProperty<T>, numRuns: number) {
  const started = performance.now();
  const details = await fc.check(property, { numRuns, seed, interruptAfterTimeLimit: timeLimitMs });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${name}: ${details.numRuns} cases in ${seconds} s (seed ${seed})`);
  if (details.failed) {
    failed = true;
    console.error(fc.defaultReportMessage(details));
  }
}

try {
  await check(
    "malformed bodies, odd credentials: no 5xx, no secret",
    workerProperty(stack.worker.url, fuzzRequest),
    runs,
  );
  await check(
    "malformed multipart bodies to the file operations: no 5xx, no secret",
    workerProperty(stack.worker.url, fuzzFormRequest),
    Math.ceil(runs / 5),
  );
  await check(
    "upstream echoes the key: redacted",
    workerProperty(stack.worker.url, keyEchoRequest),
    Math.ceil(runs / 10),
  );
  await check(
    "hostile upstream: key in header names/values, encoded, split; comma-list image types",
    hostileProperty(hostileWorker.url),
    Math.ceil(runs / 3),
  );
} finally {
  await hostileWorker.dispose();
  await hostile.close();
  await stack.close();
}
process.exit(failed ? 1 : 0);
