import type { Transport } from "@ideokit/core";
import {
  type ClientOptionsBase,
  checkClientOptions,
  DEFAULT_BASE_URL,
  defaultAuthFor,
  IdeogramError,
  type PipelineConfig,
  resolveBaseURL,
  resolveCallSettings,
} from "@ideokit/core";
import { Agent, type Dispatcher } from "undici";
import { attemptLogger, createDebugLog, type DebugLog } from "./debug-log.ts";
import { type UndiciResponse, undiciTransport } from "./undici-transport.ts";

/** Options of `new Ideogram(...)`: core's client options plus Node's; every field is optional. */
export interface ClientOptions extends ClientOptionsBase {
  /** API key; defaults to `IDEOGRAM_API_KEY`. */
  apiKey?: string;
  /** Service root; defaults to `IDEOGRAM_BASE_URL`, else the reseller `https://www.kkiai.com/ideogram`. */
  baseURL?: string;
  /** undici dispatcher to send through; the client then neither creates nor closes its own Agent. */
  dispatcher?: Dispatcher;
  /** Environment to read defaults from (default `process.env`). */
  env?: Record<string, string | undefined>;
}

/** The client's settled configuration. */
export interface ResolvedClientOptions {
  /** What core's pipeline runs every operation with. */
  pipeline: PipelineConfig;
  /** The same transport, typed with undici's streaming body, for image downloads. */
  transport: Transport<UndiciResponse>;
  dispatcher: Dispatcher;
  ownsDispatcher: boolean;
  log: DebugLog;
}

/** Fills defaults from the options and the environment; fails now rather than at the first call on any bad option or missing key. */
export function resolveClientOptions(options: ClientOptions = {}): ResolvedClientOptions {
  checkClientOptions(options);
  const env = options.env ?? process.env;
  const fromEnv = nonEmpty(env.IDEOGRAM_BASE_URL);
  const baseURL =
    options.baseURL !== undefined
      ? resolveBaseURL(options.baseURL)
      : fromEnv !== undefined
        ? resolveBaseURL(fromEnv, "IDEOGRAM_BASE_URL")
        : DEFAULT_BASE_URL;
  const auth = options.auth ?? defaultAuthFor(baseURL);
  // An explicit but empty key (an unset variable read elsewhere) is as missing as none at all.
  const apiKey = nonEmpty(options.apiKey ?? env.IDEOGRAM_API_KEY);
  if (apiKey === undefined && auth !== "none") {
    throw new MissingAPIKeyError();
  }
  const dispatcher = options.dispatcher ?? new Agent();
  const transport = undiciTransport(dispatcher);
  const log = createDebugLog(env.IDEOGRAM_LOG === "debug", apiKey === undefined ? [] : [apiKey]);
  const headers = options.headers;
  return {
    pipeline: {
      transport,
      baseURL,
      auth,
      apiKey,
      headers: headers === undefined || Object.keys(headers).length === 0 ? undefined : headers,
      ...resolveCallSettings(options),
      onAttempt: attemptLogger(log),
      nativeTimeout: true,
    },
    transport,
    dispatcher,
    ownsDispatcher: options.dispatcher === undefined,
    log,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}

/** No API key was configured; raised by the constructor so the mistake surfaces before any request. */
export class MissingAPIKeyError extends IdeogramError {
  override name = "MissingAPIKeyError";

  constructor() {
    super(
      "Missing API key: pass `new Ideogram({ apiKey })` or set the IDEOGRAM_API_KEY environment variable.",
    );
  }
}
