import { ClientClass, createClientWith, type IdeogramClient } from "./client.ts";
import type { ClientOptions } from "./client-options.ts";

export * from "@ideokit/core";
export * from "./entry-exports.ts";

/** Options of the lite client: as the main entry's, without `validate`, since nothing here validates. */
export type LiteClientOptions = Omit<ClientOptions, "validate">;

/** Creates a client that sends requests unchecked, leaving validation to the edge worker. */
export function createClient(options: LiteClientOptions = {}): IdeogramClient {
  return createClientWith({ ...options, validate: false });
}

/** Class form of {@link createClient}, named as in @ideokit/node. */
export class Ideogram extends ClientClass {
  constructor(options: LiteClientOptions = {}) {
    super(createClient(options));
  }
}
