import { OPERATIONS, type Operation } from "@ideokit/core";
import { clientClass, createClientWith, type IdeogramClient } from "./client.ts";
import type { ClientOptions, CreateClientOptions } from "./client-options.ts";

export * from "@ideokit/core";
export type { ClientOptions, CreateClientOptions } from "./client-options.ts";
export * from "./entry-exports.ts";

/**
 * Creates a client for the edge worker (default `/ideogram` on this origin) that validates every
 * request with core before sending. It has `generate`, plus a method for each of `operations`
 * (`[v3EditOperation]` adds `client.v3.edit`), so a page bundles only the operations it uses.
 */
export function createClient<const Ops extends readonly Operation[] = readonly []>(
  options: CreateClientOptions<Ops> = {},
): IdeogramClient<Ops> {
  const { operations = [] as unknown as Ops, ...clientOptions } = options;
  return createClientWith(clientOptions, operations);
}

/** The client with every operation of core's table, as {@link Ideogram} has. */
export type FullClient = IdeogramClient<typeof OPERATIONS>;

/**
 * Class form of {@link createClient} with every operation of the table bound, named as in
 * @ideokit/node so code moves between runtimes by changing the import (and bundles every operation).
 */
export const Ideogram = /* @__PURE__ */ clientClass((options: ClientOptions) =>
  createClientWith(options, OPERATIONS),
);
/** An instance of {@link Ideogram}. */
export type Ideogram = FullClient;
