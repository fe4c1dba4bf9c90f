import type { ClientOptionsBase, Operation } from "@ideokit/core";

/** Options of `createClient(...)` / `new Ideogram(...)`: core's client options plus the browser's; every field is optional. */
export interface ClientOptions extends ClientOptionsBase {
  /** Service root; defaults to `/ideogram` on the page's origin, the edge worker's route. */
  baseURL?: string;
  /**
   * Client token or JWT for the edge worker, sent as `Authorization: Bearer`; a function is called
   * before each call, so a token that expires can be refreshed.
   */
  token?: string | (() => string | Promise<string>);
  /** Upstream Ideogram key: refused unless `dangerouslyAllowBrowser` is set, because every visitor could read it. */
  apiKey?: string;
  /** Lets `apiKey` be used from a page, for internal tools whose users may see the key. */
  dangerouslyAllowBrowser?: boolean;
}

/** Options of `createClient(...)`: the client options, plus the operations to bind besides `generate`. */
export interface CreateClientOptions<Ops extends readonly Operation[] = readonly Operation[]>
  extends ClientOptions {
  /**
   * Operations of core's table to bind besides `generate` (`[v3EditOperation]` gives
   * `client.v3.edit`); a page bundles only those it lists. `OPERATIONS` binds them all.
   */
  operations?: Ops;
}
