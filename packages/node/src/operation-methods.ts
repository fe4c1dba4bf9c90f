import {
  bindOperation,
  type InputOf,
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

/** The methods whose id starts with `Prefix` (`"v3."`), named by the rest; `""` gives the un-namespaced ones. */
export type MethodsUnder<Prefix extends string> = {
  readonly [Id in OperationId as Id extends `${Prefix}${infer Name}`
    ? Name extends `${string}.${string}`
      ? never
      : Name
    : never]: OperationMethod<OperationWithId<Id>>;
};

/** Every operation of core's table as a method: `generate`, `edit`, …, `v3.replaceBackground`, `v4.generate`. */
export type OperationMethods = MethodsUnder<""> & {
  /** The Ideogram 3.0 operations. */
  readonly v3: MethodsUnder<"v3.">;
  /** The Ideogram 4.0 operations. */
  readonly v4: MethodsUnder<"v4.">;
};

const hasFiles = (operation: TableOperation): boolean => operation.fileRules.length > 0;

function operationMethod(
  operation: TableOperation,
  config: PipelineConfig,
  sources: OpenSourceContext,
): OperationMethod<TableOperation> {
  const bound = bindOperation(operation, config);
  const prepare = (input: unknown) =>
    hasFiles(operation) ? resolveSources(operation, input, sources) : Promise.resolve(input);
  const method = async (input: unknown, options?: RequestOptions) => bound(await prepare(input), options);
  method.withResponse = async (input: unknown, options?: RequestOptions) =>
    bound.withResponse(await prepare(input), options);
  return method;
}

/** Binds every operation of the table to one client, namespaced by the prefix of its id (`v3.edit` → `v3.edit`). */
export function operationMethods(config: PipelineConfig, sources: OpenSourceContext): OperationMethods {
  const methods: Record<string, unknown> = {};
  const spaces: Record<string, Record<string, unknown>> = { v3: {}, v4: {} };
  for (const operation of OPERATIONS as readonly TableOperation[]) {
    const [space, name] = operation.id.split(".") as [string, string | undefined];
    const method = operationMethod(operation, config, sources);
    if (name === undefined) methods[space] = method;
    else {
      spaces[space] ??= {};
      spaces[space][name] = method;
    }
  }
  return { ...methods, ...spaces } as unknown as OperationMethods;
}
