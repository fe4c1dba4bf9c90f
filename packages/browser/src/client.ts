import {
  type AuthScheme,
  ClientOptionError,
  type GenerateResponse,
  generateOperation,
  type ImageRequest,
  type Operation,
  type PipelineConfig,
  type WithResponse,
} from "@ideokit/core";
import type { ClientOptions } from "./client-options.ts";
import { clientMethod, clientMethods, type MethodsOf } from "./operation-methods.ts";
import type { BrowserRequestOptions } from "./request-options.ts";
import { resolveClientOptions } from "./resolve-client-options.ts";

/** What every client has besides its operation methods. */
export interface ClientBase {
  /** The absolute service root requests go to. */
  readonly baseURL: string;
  /** How the credential is sent: "bearer", "api-key" or "none". */
  readonly auth: AuthScheme;
  /** Like `generate`, plus the status, headers and request id of the answer (as in @ideokit/node). */
  generateWithResponse(
    request: ImageRequest,
    options?: BrowserRequestOptions,
  ): Promise<WithResponse<GenerateResponse>>;
}

/**
 * A configured client: `generate` and the methods of the operations it was created with, named as
 * in @ideokit/node (`edit`, `v3.replaceBackground`, `v4.generate`), each with `.withResponse`.
 */
export type IdeogramClient<Ops extends readonly Operation[] = readonly []> = ClientBase &
  MethodsOf<readonly [typeof generateOperation, ...Ops]>;

function checkOperations(operations: unknown): asserts operations is readonly Operation[] {
  const valid =
    Array.isArray(operations) &&
    operations.every(
      (operation) => typeof operation?.id === "string" && typeof operation.build === "function",
    );
  if (valid) return;
  throw new ClientOptionError(
    "operations",
    "Invalid operations: expected an array of core's operations, such as [v3EditOperation].",
  );
}

/** Builds a client on core's pipeline with the ky transport; `/lite` passes `validate: false`, so nothing is checked there. */
export function createClientWith<Ops extends readonly Operation[]>(
  options: ClientOptions,
  operations: Ops,
): IdeogramClient<Ops> {
  checkOperations(operations);
  const config: PipelineConfig = resolveClientOptions(options);
  const generate = clientMethod(generateOperation, config);
  return {
    ...clientMethods(operations, config),
    generate,
    baseURL: config.baseURL,
    auth: config.auth,
    generateWithResponse: generate.withResponse,
  } as IdeogramClient<Ops>;
}

/** A constructor whose instances are the given client, typed as `Client`: `Ideogram` gets its methods from the table this way. */
export function clientClass<Client extends object, Options>(
  create: (options: Options) => Client,
): new (
  options?: Options,
) => Client {
  return class {
    constructor(options = {} as Options) {
      Object.assign(this, create(options));
    }
  } as new (
    options?: Options,
  ) => Client;
}
