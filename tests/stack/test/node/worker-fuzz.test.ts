import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HostileUpstream, startHostileUpstream } from "../../src/hostile-upstream.ts";
import { type Stack, startStack, UPSTREAM_KEY } from "../../src/stack.ts";
import { type RunningWorker, startWorker } from "../../src/start-worker.ts";
import {
  FUZZ_WORKER_BINDINGS,
  fuzzFormRequest,
  fuzzRequest,
  hostileProperty,
  hostileWorkerBindings,
  imageViolation,
  keyEchoRequest,
  SECRETS,
  send,
  violation,
  workerProperty,
} from "../../src/worker-fuzz.ts";

// Fixed seeds keep `npm test` deterministic; `pnpm fuzz` explores with random ones and many more
// cases. The counts here are sized to finish in a few seconds on a busy 2-core machine.
const SEED = 20_251_125;
const RUNS = 200;

let stack: Stack;
let hostile: HostileUpstream;
let hostileWorker: RunningWorker;
beforeAll(async () => {
  stack = await startStack({ upstreamTimeoutMs: 5000, workerBindings: FUZZ_WORKER_BINDINGS });
  hostile = await startHostileUpstream();
  hostileWorker = await startWorker({
    upstreamURL: hostile.baseURL,
    apiKey: UPSTREAM_KEY,
    upstreamTimeoutMs: 5000,
    bindings: hostileWorkerBindings(hostile.host),
  });
});
afterAll(async () => {
  await hostileWorker?.dispose();
  await hostile?.close();
  await stack?.close();
});

describe("the edge worker under fuzzed client requests (workerd)", () => {
  it("never answers 5xx to a malformed body and never echoes the upstream key or a client token", async () => {
    await fc.assert(workerProperty(stack.worker.url, fuzzRequest), { numRuns: RUNS, seed: SEED });
    expect(stack.emulator.faults.pending()).toBe(0);
  });

  it("never answers 5xx to a malformed multipart body on the file operations, nor echoes a secret", async () => {
    await fc.assert(workerProperty(stack.worker.url, fuzzFormRequest), { numRuns: RUNS / 2, seed: SEED });
  });

  it("redacts the upstream key when the upstream echoes it in a prompt", async () => {
    await fc.assert(workerProperty(stack.worker.url, keyEchoRequest), { numRuns: 50, seed: SEED });
  });

  it("redacts the key a hostile upstream echoes in header names, header values, encoded or split, and serves only one raster image type", async () => {
    await fc.assert(hostileProperty(hostileWorker.url), { numRuns: 60, seed: SEED });
  });

  it("the checks catch what they look for", async () => {
    const answer = await send(stack.worker.url, {
      method: "POST",
      path: "/ideogram/generate",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ image_request: { prompt: "a lighthouse" } }),
    });
    expect(answer.status).toBe(200);
    expect(violation(answer)).toBeUndefined();
    expect(violation({ ...answer, status: 502 })).toMatch(/^answered 502/);
    for (const secret of SECRETS) {
      expect(violation({ ...answer, text: `${answer.text}${secret}` })).toMatch(/^echoed a secret/);
      expect(violation({ ...answer, headers: [["x-debug", secret]] })).toMatch(/^echoed a secret/);
      expect(violation({ ...answer, headers: [[`x-${secret}`, "1"]] })).toMatch(/^echoed a secret/);
    }
    const png = new Response("", {
      headers: { "content-type": "image/png", "x-content-type-options": "nosniff" },
    });
    expect(imageViolation(png, { servable: true, canonical: "image/png" })).toBeUndefined();
    expect(imageViolation(png, { servable: false, canonical: "image/png" })).toMatch(/^served/);
    const html = new Response("", { headers: { "content-type": "image/png,text/html" } });
    expect(imageViolation(html, { servable: true, canonical: "image/png" })).toMatch(/^served/);
  });
});
