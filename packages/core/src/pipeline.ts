import type { AuthScheme } from "./build.ts";
import { checkRequestOptions, type RequestOptions } from "./client-options.ts";
import { RequestValidationError } from "./errors.ts";
import { parseJsonBody } from "./json-body.ts";
import type { CheckOptions, InputOf, Operation, OutputOf, RequestTarget } from "./operation.ts";
import { responseInfo, type WithResponse } from "./response-info.ts";
import type { AttemptEvent } from "./retry-loop.ts";
import { readText, sendWithRetries } from "./send.ts";
import type { Transport, TransportRequest } from "./transport.ts";
import { abortError } from "./transport-failure.ts";
import type { ValidateMode } from "./validate.ts";

/** A client's settled configuration: everything the pipeline needs to run any operation. */
export interface PipelineConfig {
  transport: Transport;
  baseURL: string;
  auth: AuthScheme;
  /** The key or token; a function is called on each call after the input passed its checks (a token that expires). */
  apiKey?: string | (() => string | undefined | Promise<string | undefined>) | undefined;
  /** Headers on every request. */
  headers?: Record<string, string> | undefined;
  /** Per-attempt timeout in ms; `Infinity` for none. */
  timeout: number;
  /** Retries after the first attempt. */
  maxRetries: number;
  /** `true` checks input and rejects unknown fields, `"passthrough"` keeps them, `false` sends unchecked. */
  validate: ValidateMode;
  /** Told about every attempt, for debug logs. */
  onAttempt?: ((event: AttemptEvent, request: TransportRequest) => void) | undefined;
  /** The transport enforces `timeout` itself (see `SendSettings.nativeTimeout`). */
  nativeTimeout?: boolean | undefined;
}

const REJECT_UNKNOWN: CheckOptions = { unknownKeys: "reject" };
const PASS_UNKNOWN: CheckOptions = { unknownKeys: "passthrough" };

// One async function for the whole call: every extra async layer costs a promise and a microtask
// turn per call, which is what separates a client from raw undici on the hot path.
async function run<O extends Operation>(
  operation: O,
  input: InputOf<O>,
  config: PipelineConfig,
  options: RequestOptions | undefined,
  withResponse: boolean,
): Promise<unknown> {
  if (options !== undefined) checkRequestOptions(options);
  let data: unknown = input;
  if (config.validate !== false) {
    const result = operation.check(input, config.validate === "passthrough" ? PASS_UNKNOWN : REJECT_UNKNOWN);
    if (!result.success) throw new RequestValidationError([...result.issues]);
    const fileIssues = await operation.checkFiles(result.data);
    if (fileIssues.length > 0) throw new RequestValidationError([...fileIssues]);
    data = result.data;
  }
  const signal = options?.signal;
  if (signal?.aborted) throw abortError(signal.reason);
  // After the checks, so invalid input never makes a page fetch a fresh token.
  const apiKey = typeof config.apiKey === "function" ? await config.apiKey() : config.apiKey;
  const target: RequestTarget = {
    baseURL: config.baseURL,
    auth: config.auth,
    apiKey,
    headers: options?.headers === undefined ? config.headers : { ...config.headers, ...options.headers },
  };
  const { response, value } = await sendWithRetries(
    operation.build(data, target),
    {
      transport: config.transport,
      timeout: options?.timeout ?? config.timeout,
      maxRetries: options?.maxRetries ?? config.maxRetries,
      signal,
      secrets: apiKey === undefined || apiKey === "" ? [] : [apiKey],
      onAttempt: config.onAttempt,
      nativeTimeout: config.nativeTimeout,
    },
    readText,
  );
  const parsed = operation.parse(parseJsonBody(value));
  // Header copies only for `.withResponse`: the plain call never normalizes them.
  return withResponse ? { data: parsed, response: responseInfo(response.status, response.headers) } : parsed;
}

/**
 * Runs one call of any operation: check the input (every issue at once, files by their bytes;
 * nothing is sent when it fails) → build → send through the injected transport with core's retry
 * policy and per-attempt timeout → map a non-2xx answer to its `APIError` → parse the 2xx body.
 */
export function pipeline<O extends Operation>(
  operation: O,
  input: InputOf<O>,
  config: PipelineConfig,
  options?: RequestOptions,
): Promise<OutputOf<O>> {
  return run(operation, input, config, options, false) as Promise<OutputOf<O>>;
}

/** {@link pipeline}, plus the status, headers and request id of the answer that succeeded. */
export function pipelineWithResponse<O extends Operation>(
  operation: O,
  input: InputOf<O>,
  config: PipelineConfig,
  options?: RequestOptions,
): Promise<WithResponse<OutputOf<O>>> {
  return run(operation, input, config, options, true) as Promise<WithResponse<OutputOf<O>>>;
}

/** An operation bound to a client: call it for the parsed answer, `.withResponse` for the HTTP side too. */
export interface BoundOperation<O extends Operation> {
  (input: InputOf<O>, options?: RequestOptions): Promise<OutputOf<O>>;
  /** The parsed answer with the status, headers and request id of the response. */
  withResponse(input: InputOf<O>, options?: RequestOptions): Promise<WithResponse<OutputOf<O>>>;
}

/** Binds `operation` to a client's configuration, so each client method is one line (`edit = bindOperation(editOperation, config)`). */
export function bindOperation<O extends Operation>(operation: O, config: PipelineConfig): BoundOperation<O> {
  const bound = (input: InputOf<O>, options?: RequestOptions) => pipeline(operation, input, config, options);
  bound.withResponse = (input: InputOf<O>, options?: RequestOptions) =>
    pipelineWithResponse(operation, input, config, options);
  return bound;
}
