// What @ideokit/node costs on top of raw `undici.request`, side by side in one run: both send the
// seed page's request to a static loopback server that answers the seed page's 200 body, at
// concurrency 1 and 64. Rounds alternate between the two so a neighbour's load hits both alike.
// The server runs in a child process, so this process's CPU time per call is the client's alone:
// on a shared machine calls/s swings with the neighbours' load, CPU per call much less.
import { fork } from "node:child_process";
import { once } from "node:events";
import { fixtures } from "@ideokit/testing";
import { Agent, request } from "undici";
import { Ideogram, type ImageRequest } from "../src/index.ts";

const ROUNDS = 7;
const ROUND_MS = 1500;
const WARM_UP_MS = 1500;
const API_KEY = "bench-key-0123456789";

const server = fork(new URL("./static-server.ts", import.meta.url));
const [port] = (await once(server, "message")) as [number];
const baseURL = `http://127.0.0.1:${port}`;

const imageRequest = structuredClone(fixtures.seedPageRequest.image_request) as ImageRequest;
const rawAgent = new Agent();
// Raw undici pays for the same JSON encoding and decoding as the client: the difference is the
// client's checks, retry and timeout bookkeeping and error mapping.
const raw = async () => {
  const response = await request(`${baseURL}/generate`, {
    dispatcher: rawAgent,
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json",
      authorization: `Bearer ${API_KEY}`,
    },
    body: JSON.stringify({ image_request: imageRequest }),
  });
  await response.body.json();
};
const client = new Ideogram({ apiKey: API_KEY, baseURL, env: {} });
const viaClient = () => client.generate(imageRequest);

interface Round {
  callsPerSecond: number;
  cpuMicrosPerCall: number;
}

/** Runs `concurrency` loops of `call` for `ms`. */
async function round(call: () => Promise<unknown>, concurrency: number, ms: number): Promise<Round> {
  let calls = 0;
  const deadline = performance.now() + ms;
  const loop = async () => {
    while (performance.now() < deadline) {
      await call();
      calls++;
    }
  };
  const begin = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(Array.from({ length: concurrency }, loop));
  const used = process.cpuUsage(cpu);
  return {
    callsPerSecond: calls / ((performance.now() - begin) / 1000),
    cpuMicrosPerCall: (used.user + used.system) / calls,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;

try {
  const rows = [];
  for (const concurrency of [1, 64]) {
    await round(raw, concurrency, WARM_UP_MS);
    await round(viaClient, concurrency, WARM_UP_MS);
    const rawRounds: Round[] = [];
    const clientRounds: Round[] = [];
    for (let index = 0; index < ROUNDS; index++) {
      // Alternate which goes first so neither always runs on the warmer (or busier) half.
      const first = index % 2 === 0;
      const a = await round(first ? raw : viaClient, concurrency, ROUND_MS);
      const b = await round(first ? viaClient : raw, concurrency, ROUND_MS);
      rawRounds.push(first ? a : b);
      clientRounds.push(first ? b : a);
    }
    const rate = (rounds: Round[]) => median(rounds.map((entry) => entry.callsPerSecond));
    const cpu = (rounds: Round[]) => median(rounds.map((entry) => entry.cpuMicrosPerCall));
    rows.push({
      concurrency,
      "undici calls/s": Math.round(rate(rawRounds)),
      "client calls/s": Math.round(rate(clientRounds)),
      "client/undici calls/s": percent(rate(clientRounds) / rate(rawRounds)),
      "undici CPU µs/call": cpu(rawRounds).toFixed(1),
      "client CPU µs/call": cpu(clientRounds).toFixed(1),
      "client/undici by CPU": percent(cpu(rawRounds) / cpu(clientRounds)),
    });
  }
  console.log(
    `client.generate (check + build + send + parse) vs raw undici.request (JSON encode + decode): medians of ${ROUNDS} alternating ${ROUND_MS} ms rounds against a static loopback server (a child process) answering the seed page's 200 body. "by CPU" = raw undici's CPU per call / the client's, in the calling process.`,
  );
  console.table(rows);
} finally {
  await client.close();
  await rawAgent.close();
  server.disconnect();
}
