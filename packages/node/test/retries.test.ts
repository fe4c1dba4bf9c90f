import { createManualClock } from "@ideokit/testing";
import { describe, expect, it, vi } from "vitest";
import { APIConnectionError, APITimeoutError, APIUserAbortError, InternalServerError } from "../src/index.ts";
import { startDroppingServer } from "./dropping-server.ts";
import { API_KEY, captureDebugLog, clientFor, useEmulator } from "./helpers.ts";

const clock = createManualClock(Date.now());
const emulator = useEmulator({
  clock: clock.now,
  rateLimit: { requests: 1, perMs: 1000 },
  // The rate limit window moves on the manual clock: once a 429 is out, let the window pass.
  onRequest: (request) => {
    if (request.status === 429) clock.advance(1000);
  },
});

describe("retries", () => {
  it("retries 503 twice, then succeeds: three upstream requests", async () => {
    emulator().faults.next(2, "503");
    const response = await clientFor(emulator()).generate({ prompt: "a fox" });

    expect(response.data).toHaveLength(1);
    expect(emulator().requests.map((request) => request.status)).toEqual([503, 503, 200]);
  });

  it("gives up after maxRetries and throws the last error", async () => {
    emulator().faults.next(3, "500");
    const error = await clientFor(emulator(), { maxRetries: 1 })
      .generate({ prompt: "a fox" })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InternalServerError);
    expect(emulator().requests).toHaveLength(2);
  });

  it("retries a dropped connection", async () => {
    emulator().faults.next(1, "reset");
    await clientFor(emulator()).generate({ prompt: "a fox" });

    expect(emulator().requests.map((request) => request.fault ?? request.status)).toEqual(["reset", 200]);
  });

  it("retries a 200 whose connection drops mid-body", async () => {
    const dropping = await startDroppingServer({ on: "generate", count: 1, keep: 0.5 });
    const response = await clientFor(dropping, { maxRetries: 1 }).generate({ prompt: "a fox" });

    expect(response.data).toHaveLength(1);
    expect(dropping.emulator.requests.map((request) => request.status)).toEqual([200, 200]);
  });

  it("reports a 200 cut mid-body as APIConnectionError once retries run out", async () => {
    const dropping = await startDroppingServer({ on: "generate", count: 1, keep: 0.5 });
    const error = await clientFor(dropping, { maxRetries: 0 })
      .generate({ prompt: "a fox" })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APITimeoutError);
  });

  it("never retries a non-retryable status", async () => {
    await clientFor(emulator(), { apiKey: "sk-wrong" })
      .generate({ prompt: "a fox" })
      .catch(() => undefined);

    expect(emulator().requests).toHaveLength(1);
  });

  it("waits as long as Retry-After says before retrying a 429", async () => {
    const log = captureDebugLog();
    const client = clientFor(emulator(), { apiKey: API_KEY, env: { IDEOGRAM_LOG: "debug" } });
    await client.generate({ prompt: "first" });
    await client.generate({ prompt: "second" });

    expect(emulator().requests.map((request) => request.status)).toEqual([200, 429, 200]);
    expect(log.lines.some((line) => / 429 attempt 1\/3 \d+ms, retrying in 1000ms/.test(line))).toBe(true);
  });
});

describe("abort and timeout", () => {
  it("aborts an in-flight request with APIUserAbortError", async () => {
    emulator().faults.next(1, "hang");
    const controller = new AbortController();
    const pending = clientFor(emulator()).generate({ prompt: "a fox" }, { signal: controller.signal });
    await vi.waitFor(() => expect(emulator().requests).toHaveLength(1));
    controller.abort();

    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
    expect(emulator().requests).toHaveLength(1);
  });

  it("aborts during the backoff sleep without sending the retry", async () => {
    const log = captureDebugLog();
    emulator().faults.next(1, "503");
    const controller = new AbortController();
    const client = clientFor(emulator(), { env: { IDEOGRAM_LOG: "debug" } });
    const pending = client.generate({ prompt: "a fox" }, { signal: controller.signal });
    await log.next(/retrying in/);
    controller.abort();

    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
    expect(emulator().requests).toHaveLength(1);
  });

  it("rejects at once when the signal is already aborted", async () => {
    await expect(
      clientFor(emulator()).generate({ prompt: "a fox" }, { signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(APIUserAbortError);
    expect(emulator().requests).toHaveLength(0);
  });

  it("times out a hung request with APITimeoutError", async () => {
    emulator().faults.next(1, "hang");
    const error = await clientFor(emulator(), { timeout: 100, maxRetries: 0 })
      .generate({ prompt: "a fox" })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(APITimeoutError);
    expect(error).toBeInstanceOf(APIConnectionError);
  });

  it("lets a per-call timeout and maxRetries override the client's", async () => {
    emulator().faults.next(2, "hang");
    const error = await clientFor(emulator(), { timeout: 60_000 })
      .generate({ prompt: "a fox" }, { timeout: 50, maxRetries: 1 })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(APITimeoutError);
    expect(emulator().requests).toHaveLength(2);
  });
});
