import { ClientClass, createClientWith, type IdeogramClient } from "./client.ts";
import type { ClientOptions } from "./client-options.ts";

export * from "@ideokit/core";
export type { ClientOptions } from "./client-options.ts";
export * from "./entry-exports.ts";

/** Creates a client for the edge worker (default `/ideogram` on this origin) that validates every request with core before sending. */
export function createClient(options: ClientOptions = {}): IdeogramClient {
  return createClientWith(options);
}

/** Class form of {@link createClient}, named as in @ideokit/node so code moves between runtimes by changing the import. */
export class Ideogram extends ClientClass {
  constructor(options: ClientOptions = {}) {
    super(createClient(options));
  }
}
