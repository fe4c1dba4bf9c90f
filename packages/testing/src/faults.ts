import { seededRandom } from "./seeded-random.ts";

/**
 * A failure the emulator can inject: an HTTP 403/409/500/502/503, a 429 asking to wait 1 s
 * (`429`) or MS milliseconds (`429:MS`), a dropped connection (`reset`), a delay before the
 * normal answer (`slow:MS`), no answer at all (`hang`), a 200 whose body is not JSON
 * (`malformed`) or a 200 cut in half (`truncated`: a JSON body cut short, an image whose
 * connection drops halfway).
 */
export type FaultKind =
  | "403"
  | "409"
  | "429"
  | `429:${number}`
  | "500"
  | "502"
  | "503"
  | "reset"
  | "hang"
  | "malformed"
  | "truncated"
  | `slow:${number}`;

/** The fault kinds that are plain HTTP statuses, which `faults.next` also takes as numbers. */
export type FaultStatus = 403 | 409 | 429 | 500 | 502 | 503;

/**
 * Which requests a programmatic or random fault may hit: `"generate"` every operation call (a
 * POST to any API route, `/v1/ideogram-v3/edit` as much as `/generate`), `"images"` image
 * downloads, `"all"` both.
 */
export type FaultTarget = "generate" | "images" | "all";

/** Random faults: each targeted request fails with probability `rate`, reproducibly for a given `seed`. */
export interface FaultOptions {
  /** Probability in [0, 1] that a targeted request gets a fault. Default 0. */
  rate?: number;
  /** Seed of the random source that picks faulty requests and kinds. Default 1. */
  seed?: number;
  /** Kinds to choose from. Default: 500, 502, 503, reset, malformed, truncated (never hang or slow). */
  kinds?: FaultKind[];
  /** Requests that may fail. Default "generate". */
  on?: FaultTarget;
}

/** Queues faults for the next requests, e.g. `emulator.faults.next(2, "503")`. */
export interface FaultController {
  /** Makes the next `count` targeted requests (default: operation calls) fail with `kind`. */
  next(count: number, kind: FaultKind | FaultStatus, options?: { on?: FaultTarget }): void;
  /** Drops queued faults and turns random faults off. */
  clear(): void;
  /** How many queued faults are still to be served. */
  pending(): number;
}

/** The kinds random faults pick from by default: the ones a client must survive without waiting. */
export const DEFAULT_RANDOM_FAULT_KINDS: readonly FaultKind[] = [
  "500",
  "502",
  "503",
  "reset",
  "malformed",
  "truncated",
];

/** The route class of a request, for matching fault targets. */
export type RouteClass = "generate" | "images" | "other";

const PLAIN_KINDS = ["403", "409", "429", "500", "502", "503", "reset", "hang", "malformed", "truncated"];

/** How the x-emulator-fault values are spelled, for error messages. */
export const FAULT_KINDS_HELP =
  "403, 409, 429, 429:MS, 500, 502, 503, reset, hang, malformed, truncated or slow:MS";

/** Reads an x-emulator-fault value; undefined when it names no fault. */
export function parseFault(value: string): FaultKind | undefined {
  const kind = value.trim().toLowerCase();
  if (PLAIN_KINDS.includes(kind)) return kind as FaultKind;
  const timed = /^(slow|429):(\d{1,7})$/.exec(kind);
  if (timed === null) return undefined;
  return timed[1] === "slow" ? `slow:${Number(timed[2])}` : `429:${Number(timed[2])}`;
}

/** The public controller plus `take`, which the emulator calls once per request. */
export function createFaults(options: FaultOptions = {}): {
  controller: FaultController;
  take(route: RouteClass): FaultKind | undefined;
} {
  const queue: { kind: FaultKind; on: FaultTarget }[] = [];
  const random = seededRandom(options.seed ?? 1);
  const kinds = options.kinds ?? DEFAULT_RANDOM_FAULT_KINDS;
  let rate = options.rate ?? 0;
  const hits = (target: FaultTarget, route: RouteClass) =>
    route !== "other" && (target === "all" || target === route);

  const controller: FaultController = {
    next(count, kind, nextOptions = {}) {
      const parsed = parseFault(String(kind));
      if (parsed === undefined) throw new TypeError(`unknown fault kind: ${String(kind)}`);
      for (let i = 0; i < count; i++) queue.push({ kind: parsed, on: nextOptions.on ?? "generate" });
    },
    clear() {
      queue.length = 0;
      rate = 0;
    },
    pending: () => queue.length,
  };

  return {
    controller,
    take(route) {
      const index = queue.findIndex((fault) => hits(fault.on, route));
      if (index >= 0) return queue.splice(index, 1)[0]!.kind;
      if (rate > 0 && kinds.length > 0 && hits(options.on ?? "generate", route) && random() < rate) {
        return kinds[Math.floor(random() * kinds.length)];
      }
      return undefined;
    },
  };
}
