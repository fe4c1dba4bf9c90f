import { redactSecrets } from "@ideokit/core";

/** Writes one diagnostic line; a no-op unless IDEOGRAM_LOG=debug. */
export type DebugLog = (line: string) => void;

/**
 * Debug lines go to stderr so `--json` output on stdout stays clean. Callers never pass the key;
 * `secrets` are redacted all the same, in case one hides in a configured URL.
 */
export function createDebugLog(enabled: boolean, secrets: readonly string[] = []): DebugLog {
  return enabled ? (line) => process.stderr.write(`[ideokit] ${redactSecrets(line, secrets)}\n`) : () => {};
}

/** A URL as the debug log shows it: without the `user:password@` part, which holds credentials. */
export function loggableURL(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/?#]*@/i, "$1");
}

/** One attempt's outcome for the debug log: the status, or the error's class name. */
export function describeOutcome(outcome: { status: number } | unknown): string {
  if (typeof outcome === "object" && outcome !== null && "status" in outcome) return String(outcome.status);
  return outcome instanceof Error ? outcome.name : "error";
}
