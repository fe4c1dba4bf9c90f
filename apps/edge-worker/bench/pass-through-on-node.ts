// The floor of any proxy: the same Node server as serve-on-node.ts, forwarding each request to the
// upstream with fetch and nothing else (no auth, validation, logging or URL rewriting). The worker's
// own code is what the bundle adds over this; the second loopback hop is what this adds over a
// direct call. Arguments: the upstream base URL and its key.
import { serve } from "@hono/node-server";

const [upstream, apiKey] = process.argv.slice(2) as [string, string];

serve(
  {
    async fetch(request) {
      const answer = await fetch(`${upstream}${new URL(request.url).pathname}`, {
        method: request.method,
        headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
        body: await request.arrayBuffer(),
      });
      const type = answer.headers.get("content-type") ?? "application/json";
      return new Response(answer.body, { status: answer.status, headers: { "content-type": type } });
    },
    hostname: "127.0.0.1",
    port: 0,
  },
  (info) => {
    console.error(`pass-through proxy on node listening on http://127.0.0.1:${info.port}`);
  },
);
