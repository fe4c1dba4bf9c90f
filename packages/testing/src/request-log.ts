import type { FaultKind } from "./faults.ts";

/** One request as the emulator received it, for assertions in tests. */
export interface LoggedRequest {
  /** The x-request-id the emulator answered with. */
  id: string;
  method: string;
  /** URL path, e.g. "/generate" or "/images/ephemeral/ID.png". */
  path: string;
  url: string;
  /** Request headers, names lower-cased (includes credentials: it is a test log). */
  headers: Record<string, string>;
  /** The body parsed as JSON; the raw text when it is not JSON; undefined when empty. */
  body: unknown;
  /** Arrival time on the emulator's clock (ms since the epoch). */
  time: number;
  /** The fault injected into this request, if any. */
  fault?: FaultKind;
  /** The status answered; undefined while pending and for dropped connections. */
  status?: number;
}

/** Parses a logged body: JSON when it parses, else the text itself, undefined when empty. */
export function parseLoggedBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Headers as a plain object with lower-cased names. */
export function headersToRecord(headers: Headers): Record<string, string> {
  return Object.fromEntries(headers.entries());
}
