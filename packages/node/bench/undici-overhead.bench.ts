// What @ideokit/node costs on top of raw `undici.request`, side by side in one run: both send the
// seed page's request to a static loopback server that answers the seed page's 200 body, at
// concurrency 1 and 64. Rounds alternate between the two so a neighbour's load hits both alike;
// the table reports the median round of each and the client's share of raw undici's calls/s.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fixtures } from "@ideokit/testing";
import { Agent, request } from "undici";
import { Ideogram, type ImageRequest } from "../src/index.ts";

const ROUNDS = 7;
const ROUND_MS = 1500;
const WARM_UP_MS = 1500;
const API_KEY = "bench-key-0123456789";

const answer = Buffer.from(JSON.stringify(fixtures.seedPageResponse));
const server = createServer((incoming, outgoing) => {
  incoming.resume();
  incoming.on("end", () => {
    outgoing.writeHead(200, { "content-type": "application/json", "content-length": answer.length });
    outgoing.end(answer);
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const imageRequest = structuredClone(fixtures.seedPageRequest.image_request) as ImageRequest;
const rawAgent = new Agent();
const rawBody = JSON.stringify({ image_request: imageRequest });
const raw = async () => {
  const response = await request(`${baseURL}/generate`, {
    dispatcher: rawAgent,
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json",
      authorization: `Bearer ${API_KEY}`,
    },
    body: rawBody,
  });
  await response.body.json();
};
const client = new Ideogram({ apiKey: API_KEY, baseURL, env: {} });
const viaClient = () => client.generate(imageRequest);

/** Calls completed per second by `concurrency` loops running `call` for `ms`. */
async function callsPerSecond(
  call: () => Promise<unknown>,
  concurrency: number,
  ms: number,
): Promise<number> {
  let calls = 0;
  const deadline = performance.now() + ms;
  const loop = async () => {
    while (performance.now() < deadline) {
      await call();
      calls++;
    }
  };
  const begin = performance.now();
  await Promise.all(Array.from({ length: concurrency }, loop));
  return calls / ((performance.now() - begin) / 1000);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

try {
  const rows = [];
  for (const concurrency of [1, 64]) {
    await callsPerSecond(raw, concurrency, WARM_UP_MS);
    await callsPerSecond(viaClient, concurrency, WARM_UP_MS);
    const rawRounds: number[] = [];
    const clientRounds: number[] = [];
    const ratios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which goes first so neither always runs on the warmer (or busier) half.
      const first = round % 2 === 0;
      const a = await callsPerSecond(first ? raw : viaClient, concurrency, ROUND_MS);
      const b = await callsPerSecond(first ? viaClient : raw, concurrency, ROUND_MS);
      const [rawRate, clientRate] = first ? [a, b] : [b, a];
      rawRounds.push(rawRate);
      clientRounds.push(clientRate);
      ratios.push(clientRate / rawRate);
    }
    rows.push({
      concurrency,
      "undici.request calls/s": Math.round(median(rawRounds)),
      "client.generate calls/s": Math.round(median(clientRounds)),
      "client / undici (median of rounds)": `${(median(ratios) * 100).toFixed(1)} %`,
    });
  }
  console.log(
    `client.generate (check + build + send + parse, @ideokit/node) vs raw undici.request, ${ROUNDS} alternating rounds of ${ROUND_MS} ms, static loopback server answering the seed page's 200 body:`,
  );
  console.table(rows);
} finally {
  await client.close();
  await rawAgent.close();
  server.close();
}
