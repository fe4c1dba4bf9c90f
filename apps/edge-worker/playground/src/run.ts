import { Ideogram } from "@ideokit/browser";
import { callWithCountdown, waitMessage } from "./retry-countdown.ts";

// What only a run needs: the @ideokit/browser client (ky and every operation's call), the retry
// countdown and the answer views. main.ts loads this chunk on the first interaction with the form
// and awaits it when a run starts, so the page's first paint does without it.

export { fetchImage } from "@ideokit/browser";
export { showAnswer } from "./dom/answer.ts";

/**
 * Calls operation `id` ("v3.edit" is `client.v3.edit`) once, then again by core's retry policy;
 * `onWait` gets the countdown's message while it waits ("Retrying in 4 s"), undefined once it retries.
 */
export function callOperation(
  id: string,
  input: unknown,
  {
    token,
    signal,
    onWait,
  }: { token: string; signal: AbortSignal; onWait: (message: string | undefined) => void },
): Promise<unknown> {
  const client = new Ideogram({ maxRetries: 0, ...(token === "" ? {} : { token }) });
  const method = id
    .split(".")
    .reduce<unknown>((scope, key) => (scope as Record<string, unknown>)[key], client) as (
    input: unknown,
    options: { signal: AbortSignal },
  ) => Promise<unknown>;
  return callWithCountdown(() => method(input, { signal }), {
    signal,
    onWait: (wait) => onWait(wait === undefined ? undefined : waitMessage(wait)),
  });
}
