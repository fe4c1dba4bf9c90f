// Serves the built worker bundle (dist/index.js) on Node with @hono/node-server, to measure what
// the worker's own code adds, apart from the local workerd harness. Bindings come from argv JSON.
import { pathToFileURL } from "node:url";
import { serve } from "@hono/node-server";

type Fetch = (request: Request, env: unknown, ctx: unknown) => Promise<Response>;

const bundle = pathToFileURL(new URL("../dist/index.js", import.meta.url).pathname).href;
const worker = ((await import(bundle)) as { default: { fetch: Fetch } }).default;
const bindings = JSON.parse(process.argv[2] ?? "{}") as Record<string, string>;
const context = { waitUntil() {}, passThroughOnException() {} };

serve(
  { fetch: (request) => worker.fetch(request, bindings, context), hostname: "127.0.0.1", port: 0 },
  (info) => {
    console.error(`worker on node listening on http://127.0.0.1:${info.port}`);
  },
);
