import { describe, expect, test } from "vitest";
import { commands } from "vitest/browser";
import { APITimeoutError, APIUserAbortError, createClient, fetchImage } from "../src/index.ts";
import { baseURL, generateCalls, rejectionOf, TEST_TOKEN, useFreshEmulators } from "./support.ts";

useFreshEmulators();

const client = createClient({ baseURL, token: TEST_TOKEN });
const hang = { "x-emulator-fault": "hang" };

describe("abort", () => {
  test("an already-aborted signal rejects with APIUserAbortError", async () => {
    const error = await rejectionOf(client.generate({ prompt: "a fox" }, { signal: AbortSignal.abort() }));

    expect(error).toBeInstanceOf(APIUserAbortError);
  });

  test("aborting a request in flight rejects with APIUserAbortError", async () => {
    const controller = new AbortController();
    const call = rejectionOf(
      client.generate({ prompt: "a fox" }, { signal: controller.signal, headers: hang }),
    );
    await commands.waitForRequests(1);
    controller.abort();

    expect(await call).toBeInstanceOf(APIUserAbortError);
  });

  test("aborting during the wait between retries stops there", async () => {
    await commands.queueFaults(3, "503");
    const controller = new AbortController();
    const call = rejectionOf(client.generate({ prompt: "a fox" }, { signal: controller.signal }));
    await commands.waitForRequests(1);
    controller.abort();

    expect(await call).toBeInstanceOf(APIUserAbortError);
    expect(await generateCalls()).toHaveLength(1);
  });

  test("an image download can be aborted", async () => {
    const [image] = (await client.generate({ prompt: "a fox" })).data;
    const error = await rejectionOf(fetchImage(image!, { signal: AbortSignal.abort() }));

    expect(error).toBeInstanceOf(APIUserAbortError);
  });
});

describe("timeout", () => {
  test("an attempt that gets no answer in time rejects with APITimeoutError", async () => {
    const error = await rejectionOf(
      client.generate({ prompt: "a fox" }, { timeout: 100, maxRetries: 0, headers: hang }),
    );

    expect(error).toBeInstanceOf(APITimeoutError);
  });

  test("timeouts are retried like other connection failures", async () => {
    // Both attempts must reach the emulator before they time out: 1 s, not 100 ms, keeps that true
    // on a busy 2-core machine (a loopback request from Chromium can take a few hundred ms there).
    const error = await rejectionOf(
      client.generate({ prompt: "a fox" }, { timeout: 1000, maxRetries: 1, headers: hang }),
    );

    expect(error).toBeInstanceOf(APITimeoutError);
    expect(await generateCalls()).toHaveLength(2);
  });

  test("the client's timeout applies when the call gives none", async () => {
    const quick = createClient({ baseURL, token: TEST_TOKEN, timeout: 100, maxRetries: 0 });
    const error = await rejectionOf(quick.generate({ prompt: "a fox" }, { headers: hang }));

    expect(error).toBeInstanceOf(APITimeoutError);
  });
});
