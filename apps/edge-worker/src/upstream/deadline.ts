import { APITimeoutError } from "@ideokit/core";

/**
 * Runs `work` with a signal that aborts after `timeoutMs`, and rejects with core's APITimeoutError
 * at that moment. The race does not wait for `work` to notice the abort: a fetch that ignores its
 * signal (a custom fetch, a hung service binding) still ends on time, and its late rejection is
 * swallowed.
 */
export async function withDeadline<T>(
  timeoutMs: number,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let expire = () => {};
  const timedOut = new Promise<never>((_, reject) => {
    expire = () =>
      reject(new APITimeoutError({ message: `The upstream did not answer within ${timeoutMs} ms.` }));
  });
  const timer = setTimeout(() => {
    expire();
    controller.abort();
  }, timeoutMs);
  const exchange = work(controller.signal);
  try {
    return await Promise.race([exchange, timedOut]);
  } finally {
    clearTimeout(timer);
    exchange.catch(() => {});
  }
}
