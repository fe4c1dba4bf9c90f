import {
  APIConnectionError,
  APITimeoutError,
  type InputOf,
  type Namespaced,
  namespaced,
  type Operation,
  type OutputOf,
  type PipelineConfig,
  pipeline,
  pipelineWithResponse,
  type WithResponse,
} from "@ideokit/core";
import { kyTransportWithProgress } from "./ky-transport.ts";
import { type BrowserRequestOptions, checkUploadProgress } from "./request-options.ts";

/** One operation as a client method: call it for the parsed answer, `.withResponse` for the HTTP side too. */
export interface ClientMethod<O extends Operation> {
  (input: InputOf<O>, options?: BrowserRequestOptions): Promise<OutputOf<O>>;
  /** The parsed answer with the status, headers and request id of the response. */
  withResponse(input: InputOf<O>, options?: BrowserRequestOptions): Promise<WithResponse<OutputOf<O>>>;
}

/** The methods of a list of operations, named by their ids: `edit`, `v3.replaceBackground`, `v4.generate`. */
export type MethodsOf<Ops extends readonly Operation[]> = Namespaced<{
  [O in Ops[number] as O["id"]]: ClientMethod<O>;
}>;

type Run = typeof pipeline | typeof pipelineWithResponse;

// Chromium refuses a streamed body over HTTP/1.1 with the same bare "Failed to fetch" as a dead
// network, so the message has to name the likelier cause.
function streamingFailure(error: unknown): unknown {
  if (!(error instanceof APIConnectionError) || error instanceof APITimeoutError) return error;
  return new APIConnectionError({
    message: `${error.message} With onUploadProgress the body is streamed, which browsers allow only in Chromium over HTTP/2 or later.`,
    cause: error.cause,
  });
}

function call<O extends Operation, R extends Run>(operation: O, config: PipelineConfig, run: R) {
  return async (input: InputOf<O>, options?: BrowserRequestOptions) => {
    const listener = checkUploadProgress(options);
    if (listener === undefined) return run(operation, input, config, options);
    try {
      return await run(
        operation,
        input,
        { ...config, transport: kyTransportWithProgress(listener) },
        options,
      );
    } catch (error) {
      throw streamingFailure(error);
    }
  };
}

/** `operation` bound to a client's configuration, with per-call upload progress. */
export function clientMethod<O extends Operation>(operation: O, config: PipelineConfig): ClientMethod<O> {
  const method = call(operation, config, pipeline) as ClientMethod<O>;
  method.withResponse = call(operation, config, pipelineWithResponse) as ClientMethod<O>["withResponse"];
  return method;
}

/** Every operation of `operations` bound to one client, nested by the namespace of its id. */
export function clientMethods<Ops extends readonly Operation[]>(
  operations: Ops,
  config: PipelineConfig,
): MethodsOf<Ops> {
  const methods: Record<string, unknown> = {};
  for (const operation of operations) methods[operation.id] = clientMethod(operation, config);
  return namespaced(methods) as unknown as MethodsOf<Ops>;
}
