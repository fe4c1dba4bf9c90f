import type { Context } from "hono";
import type { AppEnv } from "../context.ts";

/**
 * Lets `task` finish after the response is sent: `waitUntil` where the host gives an execution
 * context, else the task simply runs on. `task` must handle its own failures.
 */
export function runInBackground(c: Context<AppEnv>, task: Promise<void>): void {
  let context: Pick<ExecutionContext, "waitUntil"> | undefined;
  try {
    context = c.executionCtx;
  } catch {
    // Hono throws when the host passed no execution context (tests calling app.fetch directly).
    context = undefined;
  }
  context?.waitUntil(task);
}
