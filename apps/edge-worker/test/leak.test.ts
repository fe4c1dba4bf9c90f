import { env } from "cloudflare:workers";
import { type LoggedRequest, seededRandom } from "@ideokit/testing";
import { sign } from "hono/jwt";
import { describe, expect, it } from "vitest";
import type { Bindings } from "../src/env.ts";
import { CLIENT_TOKEN, createHarness, type Harness, UPSTREAM_KEY } from "./support/harness.ts";
import { picker } from "./support/random.ts";

const REQUESTS_PER_SETUP = 150;
const JWT_SECRET = "leak-test-jwt-secret-0123456789abcdef";
const KV_KEY = "sk-kv-stored-9e8d7c6b5a";

/** Printable ASCII: header values a browser could send. */
const HEADER_ALPHABET =
  "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~ %/\\\"'{}[]:,<>=+";
const METHODS = ["GET", "POST", "POST", "POST", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"];
const PATHS = [
  "/ideogram/generate",
  "/ideogram/generate",
  "/ideogram/generate",
  "/ideogram/generate/",
  "/ideogram/generate?debug=1",
  "/healthz",
  "/",
  "/ideogram",
  "/ideogram/images/abc",
  "/%2e%2e/ideogram/generate",
  "/ideogram//generate",
];
const CONTENT_TYPES = [
  "application/json",
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "multipart/form-data",
  "",
];
const FIELD_VALUES = [
  "a lighthouse",
  "",
  "   ",
  "nsfw poster",
  -1,
  0,
  2147483648,
  3.5,
  null,
  true,
  [],
  {},
  "ASPECT_16_9",
  "16:9",
  "V_2",
  "v2",
  "RESOLUTION_1024_1024",
  { name: "EMBER" },
  { members: [{ color_hex: "#zzz" }] },
];
const FIELDS = [
  "prompt",
  "aspect_ratio",
  "model",
  "seed",
  "num_images",
  "style_type",
  "resolution",
  "negative_prompt",
  "color_palette",
  "magic_prompt_option",
  "aspct_ratio",
];

/** Everything a response shows a client: status line, every header, the body. */
async function visible(response: Response): Promise<string> {
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join("\n");
  return `${response.status}\n${headers}\n\n${await response.text()}`;
}

function randomImageRequest(random: () => number): Record<string, unknown> {
  const { int, pick } = picker(random);
  const request: Record<string, unknown> = { prompt: pick(["a fox", "nsfw scene", "a city at night"]) };
  for (let field = int(3); field > 0; field--) request[pick(FIELDS)] = pick(FIELD_VALUES);
  return request;
}

/** A call that gets past auth and often past validation, so the upstream and its faults are exercised. */
function plausibleRequest(random: () => number, validJwt: string): RequestInit & { path: string } {
  const { pick } = picker(random);
  return {
    path: "/ideogram/generate",
    method: "POST",
    headers: {
      authorization: `Bearer ${pick([CLIENT_TOKEN, validJwt])}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({ image_request: randomImageRequest(random) }),
  };
}

function randomRequest(random: () => number, validJwt: string): RequestInit & { path: string } {
  const { int, pick, text, chance } = picker(random);
  if (chance(0.4)) return plausibleRequest(random, validJwt);
  const ascii = (length: number) => text(length, HEADER_ALPHABET);
  const method = pick(METHODS);
  const headers: Record<string, string> = {};
  const auth = int(7);
  if (auth === 1 || auth === 2) headers.authorization = `Bearer ${CLIENT_TOKEN}`;
  if (auth === 3) headers.authorization = `Bearer ${validJwt}`;
  if (auth === 4) headers.authorization = `Bearer ${ascii(int(40))}`;
  if (auth === 5) headers.authorization = ascii(int(30));
  if (auth === 6) headers.authorization = `Bearer ${ascii(10)}.${ascii(20)}.${ascii(30)}`;
  const contentType = pick(CONTENT_TYPES);
  if (contentType) headers["content-type"] = contentType;
  if (chance(0.2)) headers.origin = pick(["https://app.example", "https://evil.example", "null"]);
  if (chance(0.1)) headers["x-request-id"] = ascii(int(80));
  if (chance(0.1)) headers["x-emulator-fault"] = "reset";
  if (method === "OPTIONS" && chance(0.7)) headers["access-control-request-method"] = "POST";

  let body: string | undefined;
  if (method !== "GET" && method !== "HEAD") {
    const kind = int(6);
    if (kind <= 1) {
      const request = randomImageRequest(random);
      body = JSON.stringify(chance(0.9) ? { image_request: request } : request);
    } else if (kind === 2) body = text(int(200));
    else if (kind === 3) body = JSON.stringify({ image_request: { prompt: "x".repeat(16_000 + int(4000)) } });
    else if (kind === 4)
      body = JSON.stringify(pick([null, 1, "s", [], { image_request: null }, { image_request: [] }]));
    else body = `${"[".repeat(int(2000))}${"]".repeat(int(2000))}`;
  }
  return { path: pick(PATHS), method, headers, body };
}

interface Setup {
  name: string;
  secret: string;
  /** The worker under test, and the generate calls its upstream received. */
  start: () => Promise<{ harness: Harness; upstreamCalls: () => LoggedRequest[] }>;
}

function own(harness: Harness) {
  return { harness, upstreamCalls: harness.upstreamCalls };
}

const setups: Setup[] = [
  {
    name: "secret key, bearer, random upstream faults",
    secret: UPSTREAM_KEY,
    start: async () =>
      own(
        createHarness({
          bindings: { JWT_SECRET, ALLOWED_ORIGINS: "https://app.example", RATE_LIMIT_MAX: "1000" },
          emulator: { faults: { rate: 0.25, seed: 7 } },
        }),
      ),
  },
  {
    name: "KV key, api-key auth, an upstream that rejects the key",
    secret: KV_KEY,
    start: async () => {
      const name = `leak-${crypto.randomUUID()}`;
      await env.UPSTREAM_KEYS.put(name, KV_KEY);
      const bindings: Partial<Bindings> = {
        JWT_SECRET,
        UPSTREAM_AUTH: "api-key",
        UPSTREAM_KEYS: env.UPSTREAM_KEYS,
        UPSTREAM_KEY_NAME: name,
        RATE_LIMIT_MAX: "1000",
      };
      return own(createHarness({ bindings, emulator: { apiKey: "not-the-kv-key" } }));
    },
  },
  {
    name: "an upstream that echoes the credentials it receives",
    secret: UPSTREAM_KEY,
    start: async () => {
      const echo = createHarness().upstream;
      const harness = createHarness({
        bindings: { JWT_SECRET, RATE_LIMIT_MAX: "1000" },
        fetch: async (input, init) => {
          const reply = await echo.fetch(input, init);
          const sent = JSON.stringify(Object.fromEntries(new Headers(init?.headers)));
          const headers = new Headers(reply.headers);
          headers.set("x-echo", sent);
          const text = await reply.text();
          const body = reply.ok
            ? text.replace('"prompt":"', `"prompt":${JSON.stringify(sent).slice(0, -1)} `)
            : `{"echo":${JSON.stringify(sent)},"raw":${JSON.stringify(text)}}`;
          return new Response(body, { status: reply.status, headers });
        },
      });
      return {
        harness,
        upstreamCalls: () => echo.requests.filter((call) => call.path.endsWith("/generate")),
      };
    },
  },
];

describe("the upstream key never leaks", () => {
  it.each(setups)("in any response or log line: $name", async ({ secret, start }) => {
    const { harness, upstreamCalls } = await start();
    const random = seededRandom(secret.length * 7919);
    const validJwt = await sign(
      { sub: "leaker", exp: Math.floor(harness.clock.now() / 1000) + 3600 },
      JWT_SECRET,
    );
    const statuses = new Set<number>();
    for (let index = 0; index < REQUESTS_PER_SETUP; index++) {
      const { path, ...init } = randomRequest(random, validJwt);
      const response = await harness.call(path, init);
      statuses.add(response.status);
      expect(await visible(response)).not.toContain(secret);
    }
    expect(JSON.stringify(harness.logs)).not.toContain(secret);
    // The mix really reached the upstream and the error paths, so the assertions above meant something.
    expect(upstreamCalls().length).toBeGreaterThan(10);
    expect(upstreamCalls().every((call) => JSON.stringify(call.headers).includes(secret))).toBe(true);
    expect([...statuses].filter((status) => status >= 400).length).toBeGreaterThan(5);
  });
});
