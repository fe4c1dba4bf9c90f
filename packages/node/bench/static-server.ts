// A static loopback server for bench/undici-overhead.bench.ts, in its own process so the bench's
// CPU figures are the client's alone: every request gets the seed page's 200 body.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fixtures } from "@ideokit/testing";

const answer = Buffer.from(JSON.stringify(fixtures.seedPageResponse));
const server = createServer((incoming, outgoing) => {
  incoming.resume();
  incoming.on("end", () => {
    outgoing.writeHead(200, { "content-type": "application/json", "content-length": answer.length });
    outgoing.end(answer);
  });
});
server.listen(0, "127.0.0.1", () => {
  process.send?.((server.address() as AddressInfo).port);
});
process.on("disconnect", () => server.close());
