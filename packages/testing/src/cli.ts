import { parseArgs } from "node:util";
import { type FaultKind, parseFault } from "./faults.ts";
import { type StartEmulatorOptions, startEmulator } from "./node.ts";

const USAGE = `Usage: ideokit-emulator [options]

Serves an emulator of the Ideogram generate API (POST /generate and /ideogram/generate).

Options:
  --host HOST            interface to listen on (default 127.0.0.1)
  --port PORT            port to listen on (default 0: a free port, printed)
  --key KEY              accepted API key; repeat for several (default test-key)
  --blocked WORD         prompts with WORD get the 422 safety rejection; repeatable (default nsfw)
  --unsafe WORD          prompts with WORD get is_image_safe: false; repeatable
  --fault-rate RATE      probability 0..1 of a random fault per generate request (default 0)
  --fault-seed SEED      seed of the random faults (default 1)
  --fault-kinds K,K      kinds of random faults (default 500,502,503,reset,malformed,truncated)
  --rate-limit N/MS      at most N generate requests per MS milliseconds per key
  --latency MS           delay every generate answer by MS milliseconds
  --public-url URL       origin image URLs start with (default: the request's own)
  --log                  print one line per request
  --help                 show this help
`;

/** Output streams of the CLI (injectable for tests). */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const defaultIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Runs `ideokit-emulator`: serves until SIGINT or SIGTERM, then resolves with the exit code. */
export async function runEmulatorCli(args: string[], io: CliIo = defaultIo): Promise<number> {
  let options: StartEmulatorOptions & { help?: boolean };
  try {
    options = toOptions(args, io);
  } catch (error) {
    io.err(`ideokit-emulator: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    io.out(USAGE.trimEnd());
    return 0;
  }
  const emulator = await startEmulator(options);
  io.out(`ideokit emulator listening on ${emulator.url}`);
  io.out(`api key: ${emulator.apiKey}`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  await emulator.close();
  return 0;
}

function toOptions(args: string[], io: CliIo): StartEmulatorOptions & { help?: boolean } {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      host: { type: "string" },
      port: { type: "string" },
      key: { type: "string", multiple: true },
      blocked: { type: "string", multiple: true },
      unsafe: { type: "string", multiple: true },
      "fault-rate": { type: "string" },
      "fault-seed": { type: "string" },
      "fault-kinds": { type: "string" },
      "rate-limit": { type: "string" },
      latency: { type: "string" },
      "public-url": { type: "string" },
      log: { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  const options: StartEmulatorOptions & { help?: boolean } = { help: values.help };
  if (values.host !== undefined) options.host = values.host;
  if (values.port !== undefined) options.port = integer("--port", values.port, 0, 65_535);
  if (values.key !== undefined) options.apiKey = values.key;
  if (values.blocked !== undefined) options.blockedWords = values.blocked;
  if (values.unsafe !== undefined) options.unsafeWords = values.unsafe;
  if (values.latency !== undefined) options.latencyMs = integer("--latency", values.latency, 0, 600_000);
  if (values["public-url"] !== undefined) options.publicURL = values["public-url"];
  if (values["rate-limit"] !== undefined) {
    const [requests = "", perMs = ""] = values["rate-limit"].split("/");
    options.rateLimit = {
      requests: integer("--rate-limit requests", requests, 1, 1e9),
      perMs: integer("--rate-limit window", perMs, 1, 1e9),
    };
  }
  const rate = values["fault-rate"];
  if (rate !== undefined || values["fault-seed"] !== undefined || values["fault-kinds"] !== undefined) {
    options.faults = { rate: rate === undefined ? 0 : probability(rate) };
    if (values["fault-seed"] !== undefined)
      options.faults.seed = integer("--fault-seed", values["fault-seed"], 0, 2 ** 32 - 1);
    if (values["fault-kinds"] !== undefined) options.faults.kinds = faultKinds(values["fault-kinds"]);
  }
  if (values.log) {
    options.onRequest = (request) => {
      const fault = request.fault === undefined ? "" : ` (fault ${request.fault})`;
      io.out(`${request.method} ${request.path} ${request.status ?? "dropped"}${fault}`);
    };
  }
  return options;
}

function integer(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

function probability(text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !(value >= 0 && value <= 1))
    throw new Error(`--fault-rate must be from 0 to 1, got "${text}"`);
  return value;
}

function faultKinds(text: string): FaultKind[] {
  return text.split(",").map((kind) => {
    const fault = parseFault(kind);
    if (fault === undefined) throw new Error(`unknown fault kind "${kind}" in --fault-kinds`);
    return fault;
  });
}
