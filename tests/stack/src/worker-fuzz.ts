// Fuzzing of the edge worker (in workerd) with fast-check: shared by the `npm test` run (a few
// thousand cases, fixed seed) and `pnpm fuzz` (many more, random seed).
import fc from "fast-check";
import { UPSTREAM_KEY } from "./stack.ts";

/** Static client tokens the fuzzed worker accepts (CLIENT_TOKENS), next to anonymous calls. */
export const CLIENT_TOKENS = ["tok-web-3b8e1f0a9c5d", "tok-cli-6d2c7a4e1b8f"] as const;

/** The worker's JWT secret: accepted JWTs are not fuzzed, but the secret must never leak either. */
export const JWT_SECRET = "jwt-secret-51e0c9d2a7-0123456789abcdef";

/** Variables of the fuzzed worker: two static tokens, a JWT secret, anonymous calls allowed. */
export const FUZZ_WORKER_BINDINGS = {
  CLIENT_TOKENS: `web:${CLIENT_TOKENS[0]},cli:${CLIENT_TOKENS[1]}`,
  JWT_SECRET,
};

/** Strings no answer may ever contain. */
export const SECRETS: readonly string[] = [UPSTREAM_KEY, ...CLIENT_TOKENS, JWT_SECRET];

/** One request a client could send to the worker. */
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | Uint8Array<ArrayBuffer> | undefined;
}

const VALID = { prompt: "a lighthouse at dusk", seed: 7, aspect_ratio: "ASPECT_16_9" };
const FIELDS = [
  "prompt",
  "seed",
  "aspect_ratio",
  "resolution",
  "model",
  "magic_prompt_option",
  "magic_prompt_version",
  "style_type",
  "negative_prompt",
  "num_images",
  "color_palette",
  "image_request",
  "__proto__",
  "constructor",
];

const anyJson = fc.jsonValue({ maxDepth: 3 });

/** Values close to what the contract accepts, so mutations often stay valid and reach the upstream. */
const plausible = fc.constantFrom<unknown>(
  "ASPECT_1_1",
  "16:9",
  "V_2",
  "V_3",
  "RESOLUTION_1024_1024",
  "AUTO",
  "OFF",
  "REALISTIC",
  "a red fox",
  "an nsfw picture",
  "",
  " ",
  0,
  1,
  8,
  9,
  -1,
  1.5,
  2_147_483_647,
  null,
  { name: "EMBER" },
  { members: [{ color_hex: "#ff0000", color_weight: 0.5 }] },
);

/** A near-valid image_request: a valid one with fields dropped, overridden or added at random. */
const mutatedImageRequest = fc
  .tuple(
    fc.subarray(Object.keys(VALID)),
    fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(plausible, anyJson), { maxKeys: 3 }),
  )
  .map(([kept, overrides]) => ({
    ...Object.fromEntries(kept.map((key) => [key, VALID[key as keyof typeof VALID]])),
    ...overrides,
  }));

const jsonBody = fc.oneof(
  anyJson.map((value) => JSON.stringify(value)),
  fc
    .record({ prompt: fc.string({ unit: "grapheme", maxLength: 60 }), seed: fc.nat(2_147_483_647) })
    .map((imageRequest) => JSON.stringify({ image_request: imageRequest })),
  mutatedImageRequest.map((imageRequest) => JSON.stringify({ image_request: imageRequest })),
  fc
    .tuple(mutatedImageRequest, fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 2 }))
    .map(([imageRequest, extra]) => JSON.stringify({ ...extra, image_request: imageRequest })),
);

/** Bodies a broken or hostile client might send. */
const body: fc.Arbitrary<string | Uint8Array<ArrayBuffer> | undefined> = fc.oneof(
  { weight: 6, arbitrary: jsonBody },
  { weight: 2, arbitrary: jsonBody.chain((text) => fc.nat(text.length).map((cut) => text.slice(0, cut))) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.integer({ min: 0, max: 255 }), { maxLength: 200 })
      .map((bytes) => new Uint8Array(bytes)),
  },
  { weight: 1, arbitrary: fc.constant(undefined) },
  {
    weight: 1,
    arbitrary: fc.nat(4).map((extra) => `{"image_request":{"prompt":"${"x".repeat(16 * 1024 + extra)}"}}`),
  },
);

const credential = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.constantFrom(...CLIENT_TOKENS).map((token) => `Bearer ${token}`) },
  fc
    .tuple(fc.constantFrom(...CLIENT_TOKENS), fc.string({ maxLength: 3 }))
    .map(([token, noise]) => `Bearer ${token.slice(0, -1)}${noise}`),
  fc.string({ maxLength: 40 }).map((text) => `Bearer ${text}`),
  fc.stringMatching(/^[\x21-\x7e]{0,60}$/),
  fc.constant("Bearer a.b.c"),
);

const contentType = fc.oneof(
  { weight: 5, arbitrary: fc.constant("application/json") },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "application/json; charset=utf-8",
      "APPLICATION/JSON",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/json;;",
    ),
  },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

/** A header value fetch accepts: visible ASCII, no leading or trailing space. */
const headerValue = fc.stringMatching(/^[\x21-\x7e]{1,40}$/);

/** Requests to the generate route: odd methods, paths, credentials, content types, extra headers and bodies. */
export const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc
  .record({
    method: fc.oneof(
      { weight: 8, arbitrary: fc.constant("POST") },
      fc.constantFrom("PUT", "PATCH", "DELETE"),
    ),
    path: fc.oneof(
      { weight: 8, arbitrary: fc.constant("/ideogram/generate") },
      fc.constantFrom("/ideogram/generate/", "/ideogram/generate?x=1", "/ideogram//generate", "/generate"),
    ),
    authorization: credential,
    contentType,
    requestId: fc.option(headerValue, { nil: undefined }),
    origin: fc.option(fc.constantFrom("http://localhost:5173", "null", "https://evil.example"), {
      nil: undefined,
    }),
    body,
  })
  .map(({ method, path, authorization, contentType, requestId, origin, body }) => {
    const headers: Record<string, string> = {};
    if (authorization !== undefined) headers.authorization = authorization;
    if (contentType !== undefined) headers["content-type"] = contentType;
    if (requestId !== undefined) headers["x-request-id"] = requestId;
    if (origin !== undefined) headers.origin = origin;
    return { method, path, headers, body };
  })
  // Echoing what the caller itself sent is no leak: keep secrets out of the request body.
  .filter((request) => !SECRETS.some((secret) => bodyText(request.body).includes(secret)));

/** Valid requests whose prompt carries the upstream key, which the upstream echoes back: the worker must redact it. */
export const keyEchoRequest: fc.Arbitrary<FuzzRequest> = fc
  .tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), fc.nat(2_147_483_647))
  .map(([before, after, seed]) => ({
    method: "POST",
    path: "/ideogram/generate",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      image_request: { prompt: `x ${before}${UPSTREAM_KEY}${after}`, seed, magic_prompt_option: "OFF" },
    }),
  }));

function bodyText(body: FuzzRequest["body"]): string {
  if (body === undefined) return "";
  return typeof body === "string" ? body : new TextDecoder().decode(body);
}

/** What the worker answered, read whole. */
export interface FuzzAnswer {
  status: number;
  headers: [string, string][];
  text: string;
}

/** Sends one fuzzed request to the worker. */
export async function send(workerURL: string, request: FuzzRequest): Promise<FuzzAnswer> {
  const response = await fetch(`${workerURL}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  });
  return { status: response.status, headers: [...response.headers], text: await response.text() };
}

/** Why an answer breaks a property, or undefined when it keeps them all. */
export function violation(answer: FuzzAnswer): string | undefined {
  if (answer.status >= 500) return `answered ${answer.status}: ${answer.text.slice(0, 200)}`;
  const everything = [answer.text, ...answer.headers.flat()].join("\n");
  const leaked = SECRETS.find((secret) => everything.includes(secret));
  return leaked === undefined ? undefined : `echoed a secret (${leaked.slice(0, 8)}…)`;
}

/** The property over any request: no 5xx and no secret in the answer. */
export function workerProperty(workerURL: string, requests: fc.Arbitrary<FuzzRequest>) {
  return fc.asyncProperty(requests, async (request) => {
    const problem = violation(await send(workerURL, request));
    if (problem !== undefined) throw new Error(problem);
  });
}
