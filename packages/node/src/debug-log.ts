/** Writes one diagnostic line; a no-op unless IDEOGRAM_LOG=debug. */
export type DebugLog = (line: string) => void;

/** Debug lines go to stderr so `--json` output on stdout stays clean; callers never pass the key. */
export function createDebugLog(enabled: boolean): DebugLog {
  return enabled ? (line) => process.stderr.write(`[ideokit] ${line}\n`) : () => {};
}

/** One attempt's outcome for the debug log: the status, or the error's class name. */
export function describeOutcome(outcome: { status: number } | unknown): string {
  if (typeof outcome === "object" && outcome !== null && "status" in outcome) return String(outcome.status);
  return outcome instanceof Error ? outcome.name : "error";
}
