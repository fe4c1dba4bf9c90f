// `pnpm fuzz`: the worker properties of the test suite with many more cases and a fresh seed.
// FUZZ_RUNS (default 30000) and FUZZ_SEED override; the run stops after FUZZ_SECONDS (default 180).
import fc from "fast-check";
import { startStack } from "../src/stack.ts";
import { FUZZ_WORKER_BINDINGS, fuzzRequest, keyEchoRequest, workerProperty } from "../src/worker-fuzz.ts";

const runs = Number(process.env.FUZZ_RUNS ?? 30_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const timeLimitMs = 1000 * Number(process.env.FUZZ_SECONDS ?? 180);

const stack = await startStack({ upstreamTimeoutMs: 5000, workerBindings: FUZZ_WORKER_BINDINGS });
let failed = false;
try {
  for (const [name, requests, numRuns] of [
    ["malformed bodies, odd credentials: no 5xx, no secret", fuzzRequest, runs],
    ["upstream echoes the key: redacted", keyEchoRequest, Math.ceil(runs / 10)],
  ] as const) {
    const started = performance.now();
    const details = await fc.check(workerProperty(stack.worker.url, requests), {
      numRuns,
      seed,
      interruptAfterTimeLimit: timeLimitMs,
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`${name}: ${details.numRuns} cases in ${seconds} s (seed ${seed})`);
    if (details.failed) {
      failed = true;
      console.error(fc.defaultReportMessage(details));
    }
  }
} finally {
  await stack.close();
}
process.exit(failed ? 1 : 0);
