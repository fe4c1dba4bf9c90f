import type { TableOperation } from "@ideokit/core";
import type { Context } from "hono";
import type { ContentfulStatusCode, StatusCode } from "hono/utils/http-status";
import { CACHE_STATUS_HEADER, type CacheStatus, generateCacheFor } from "../cache/generate-cache.ts";
import type { AppEnv } from "../context.ts";
import { errorResponse } from "../http/error-response.ts";
import { JSON_TYPE } from "../http/media-types.ts";
import { proxyImageUrls } from "../images/proxy-urls.ts";
import { type ExchangeDeps, exchange } from "./exchange.ts";
import type { InFlight } from "./in-flight.ts";
import type { Outcome } from "./relay.ts";

/** What answering needs: the exchange's runtime and key cache, and the isolate's calls in flight. */
export interface AnswerDeps extends ExchangeDeps {
  inFlight: InFlight<Outcome>;
}

/**
 * The whole way of a checked request (`c.var.input`) after validation, in one place:
 *
 * 1. the generation cache (seeded requests only): a fresh entry answers with no key read and no
 *    upstream call;
 * 2. else the upstream exchange ({@link exchange}): identical cacheable requests in flight share
 *    one, the leader storing a 200 in the cache;
 * 3. the outcome rendered for this request: image URLs rewritten to the signed proxy, errors in
 *    the worker's one shape with this request's id, and `x-ideokit-cache` saying which way it
 *    came (a request answered from another's call says HIT).
 */
export async function answer(
  c: Context<AppEnv>,
  operation: TableOperation,
  deps: AnswerDeps,
): Promise<Response> {
  const cache = await generateCacheFor(c, operation, c.get("input"), deps.runtime);
  const hit = await cache.lookup();
  if (hit !== undefined) {
    const headers = new Headers({ "content-type": JSON_TYPE });
    return render(c, operation, { kind: "answer", status: 200, headers, ...hit }, deps, "HIT");
  }
  const call = async () => {
    const outcome = await exchange(c, operation, deps);
    if (outcome.kind === "answer" && outcome.status === 200) await cache.store(outcome);
    return outcome;
  };
  if (cache.key === undefined) return render(c, operation, await call(), deps, cache.status);
  const { value, joined } = await deps.inFlight.share(cache.key, call, () =>
    c.var.log("upstream_call_joined"),
  );
  return render(c, operation, value, deps, joined ? "HIT" : cache.status);
}

async function render(
  c: Context<AppEnv>,
  operation: TableOperation,
  outcome: Outcome,
  deps: AnswerDeps,
  status: CacheStatus,
): Promise<Response> {
  let response: Response;
  if (outcome.kind === "answer") {
    const proxied = await proxyImageUrls(c, deps.runtime, operation.response, outcome.output);
    const body = proxied === undefined ? outcome.text : JSON.stringify(proxied);
    response = c.newResponse(body, { status: outcome.status as StatusCode, headers: outcome.headers });
  } else if (outcome.kind === "upstream_error") {
    const code = outcome.status as ContentfulStatusCode;
    response = errorResponse(c, code, "upstream_error", outcome.message, { status: outcome.status });
    for (const [name, value] of outcome.headers) response.headers.append(name, value);
  } else {
    const { failure } = outcome;
    c.var.log(failure.event);
    response = errorResponse(c, failure.status, failure.type, failure.message);
  }
  response.headers.set(CACHE_STATUS_HEADER, status);
  return response;
}
