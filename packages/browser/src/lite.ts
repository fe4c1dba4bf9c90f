import { OPERATIONS, type Operation } from "@ideokit/core";
import { clientClass, createClientWith, type IdeogramClient } from "./client.ts";
import type { ClientOptions, CreateClientOptions } from "./client-options.ts";

export * from "@ideokit/core";
export * from "./entry-exports.ts";

/** Options of the lite client: as the main entry's, without `validate`, since nothing here validates. */
export type LiteClientOptions<Ops extends readonly Operation[] = readonly []> = Omit<
  CreateClientOptions<Ops>,
  "validate"
>;

/** Creates a client that sends requests unchecked, leaving validation to the edge worker; `operations` as in the main entry. */
export function createClient<const Ops extends readonly Operation[] = readonly []>(
  options: LiteClientOptions<Ops> = {},
): IdeogramClient<Ops> {
  const { operations = [] as unknown as Ops, ...clientOptions } = options;
  return createClientWith({ ...clientOptions, validate: false }, operations);
}

/** Class form of {@link createClient} with every operation of the table, named as in @ideokit/node. */
export const Ideogram = /* @__PURE__ */ clientClass((options: Omit<ClientOptions, "validate">) =>
  createClientWith({ ...options, validate: false }, OPERATIONS),
);
/** An instance of {@link Ideogram}. */
export type Ideogram = IdeogramClient<typeof OPERATIONS>;
