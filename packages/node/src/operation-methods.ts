import {
  bindOperation,
  type InputOf,
  type Namespaced,
  namespaced,
  OPERATIONS,
  type OperationId,
  type OutputOf,
  type PipelineConfig,
  type RequestOptions,
  type TableOperation,
  type WithResponse,
} from "@ideokit/core";
import type { OpenSourceContext } from "./image-source.ts";
import type { NodeInput } from "./node-input.ts";
import { resolveSources } from "./resolve-sources.ts";

/** One operation as a client method: call it for the parsed answer, `.withResponse` for the HTTP side too. */
export interface OperationMethod<O> {
  (input: NodeInput<InputOf<O>>, options?: RequestOptions): Promise<OutputOf<O>>;
  /** The parsed answer with the status, headers and request id of the response. */
  withResponse(input: NodeInput<InputOf<O>>, options?: RequestOptions): Promise<WithResponse<OutputOf<O>>>;
}

type OperationWithId<Id> = Extract<(typeof OPERATIONS)[number], { readonly id: Id }>;

/** Every operation's method, keyed by its id (`"v3.replaceBackground"`). */
export type MethodsById = { readonly [Id in OperationId]: OperationMethod<OperationWithId<Id>> };

/** Every operation of the table as a method: `generate`, `edit`, …, `v3.replaceBackground`, `v4.generate`. */
export type OperationMethods = Namespaced<MethodsById>;

const hasFiles = (operation: TableOperation): boolean => operation.fileRules.length > 0;

function operationMethod(
  operation: TableOperation,
  config: PipelineConfig,
  sources: OpenSourceContext,
): OperationMethod<TableOperation> {
  const bound = bindOperation(operation, config);
  const check =
    config.validate === false
      ? false
      : ({ unknownKeys: config.validate === "passthrough" ? "passthrough" : "reject" } as const);
  const prepare = (input: unknown) =>
    hasFiles(operation) ? resolveSources(operation, input, sources, check) : Promise.resolve(input);
  const method = async (input: unknown, options?: RequestOptions) => bound(await prepare(input), options);
  method.withResponse = async (input: unknown, options?: RequestOptions) =>
    bound.withResponse(await prepare(input), options);
  return method;
}

/** Binds every operation of the table to one client, namespaced by the prefix of its id (`v3.edit` → `v3.edit`). */
export function operationMethods(config: PipelineConfig, sources: OpenSourceContext): OperationMethods {
  const methods: Record<string, unknown> = {};
  for (const operation of OPERATIONS as readonly TableOperation[])
    methods[operation.id] = operationMethod(operation, config, sources);
  return namespaced(methods as MethodsById);
}
