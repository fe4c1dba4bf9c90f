import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../../src/stack.ts";
import {
  FUZZ_WORKER_BINDINGS,
  fuzzRequest,
  keyEchoRequest,
  SECRETS,
  send,
  violation,
  workerProperty,
} from "../../src/worker-fuzz.ts";

// Fixed seeds keep `npm test` deterministic; `pnpm fuzz` explores with random ones.
const SEED = 20_251_125;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ upstreamTimeoutMs: 5000, workerBindings: FUZZ_WORKER_BINDINGS });
});
afterAll(() => stack.close());

describe("the edge worker under fuzzed client requests (workerd)", () => {
  it("never answers 5xx to a malformed body and never echoes the upstream key or a client token", async () => {
    await fc.assert(workerProperty(stack.worker.url, fuzzRequest), { numRuns: 2000, seed: SEED });
    expect(stack.emulator.faults.pending()).toBe(0);
  });

  it("redacts the upstream key when the upstream echoes it in a prompt", async () => {
    await fc.assert(workerProperty(stack.worker.url, keyEchoRequest), { numRuns: 200, seed: SEED });
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
    }
  });
});
