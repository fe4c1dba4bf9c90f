// Fuzzing of the edge worker (in workerd) with fast-check: shared by the `npm test` run (a few
// thousand cases, fixed seed) and `pnpm fuzz` (many more, random seed).
import { exposesSecret } from "@ideokit/testing";
import fc from "fast-check";
import { type EchoShape, echoPrompt } from "./hostile-upstream.ts";
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

/** A 32-byte-plus image signing secret for the worker in front of the hostile upstream. */
export const IMAGE_SIGNING_SECRET = "fuzz-image-signing-secret-7c2e9a41b05d";

/** Variables of the worker in front of the hostile upstream: its image proxy on, fetching from that loopback host. */
export function hostileWorkerBindings(host: string): Record<string, string> {
  return { IMAGE_SIGNING_SECRET, IMAGE_HOSTS: host, ALLOW_PRIVATE_IMAGE_HOSTS: "true" };
}

/** Strings no answer may ever contain. */
export const SECRETS: readonly string[] = [UPSTREAM_KEY, ...CLIENT_TOKENS, JWT_SECRET, IMAGE_SIGNING_SECRET];

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

/** Operation routes that take multipart bodies (files), next to the JSON-only generate route. */
const FORM_PATHS = [
  "/ideogram/v1/ideogram-v3/generate",
  "/ideogram/v1/ideogram-v3/edit",
  "/ideogram/v1/ideogram-v3/remix",
  "/ideogram/v1/ideogram-v3/layerize-text",
  "/ideogram/describe",
  "/ideogram/remix",
];
const FORM_FIELDS = [
  "prompt",
  "seed",
  "image",
  "image_file",
  "mask",
  "image_request",
  "style_reference_images",
  "x",
];
/** The first bytes of a PNG: parts that look like images until their header runs out. */
const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const formPart = fc.record({
  name: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FORM_FIELDS) }, fc.string({ maxLength: 12 })),
  file: fc.boolean(),
  content: fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc
      .array(fc.integer({ min: 0, max: 255 }), { maxLength: 60 })
      .map((bytes) => String.fromCharCode(...PNG_HEAD, ...bytes)),
    anyJson.map((value) => JSON.stringify(value)),
  ),
});

/**
 * Multipart bodies to the operations that take files: random parts (known and unknown names, text
 * and file parts, PNG-looking bytes that are no image), sometimes cut short or with the wrong
 * boundary. Sent as bytes, so a malformed one arrives as it is.
 */
export const fuzzFormRequest: fc.Arbitrary<FuzzRequest> = fc
  .record({
    path: fc.constantFrom(...FORM_PATHS),
    authorization: credential,
    parts: fc.array(formPart, { maxLength: 6 }),
    cut: fc.option(fc.nat(400), { nil: undefined }),
    boundary: fc.constantFrom("fuzzb0undary", "other"),
  })
  .map(({ path, authorization, parts, cut, boundary }) => {
    let text = "";
    for (const part of parts) {
      const filename = part.file ? `; filename="${part.name || "f"}.png"` : "";
      text += `--fuzzb0undary\r\nContent-Disposition: form-data; name="${part.name}"${filename}\r\n`;
      text += `${part.file ? "Content-Type: image/png\r\n" : ""}\r\n${part.content}\r\n`;
    }
    text += "--fuzzb0undary--\r\n";
    const bytes = Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);
    const headers: Record<string, string> = { "content-type": `multipart/form-data; boundary=${boundary}` };
    if (authorization !== undefined) headers.authorization = authorization;
    return { method: "POST", path, headers, body: cut === undefined ? bytes : bytes.slice(0, cut) };
  })
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

/** Which secret an answer gives away, in any form `exposesSecret` undoes (status line, header names and values, body). */
export function leakIn(answer: FuzzAnswer): string | undefined {
  const everything = [answer.text, ...answer.headers.flat()].join("\n");
  const leaked = SECRETS.find((secret) => exposesSecret(everything, secret));
  return leaked === undefined ? undefined : `echoed a secret (${leaked.slice(0, 8)}…)`;
}

/** Why an answer breaks a property, or undefined when it keeps them all. */
export function violation(answer: FuzzAnswer): string | undefined {
  if (answer.status >= 500) return `answered ${answer.status}: ${answer.text.slice(0, 200)}`;
  return leakIn(answer);
}

/** The property over any request: no 5xx and no secret in the answer. */
export function workerProperty(workerURL: string, requests: fc.Arbitrary<FuzzRequest>) {
  return fc.asyncProperty(requests, async (request) => {
    const problem = violation(await send(workerURL, request));
    if (problem !== undefined) throw new Error(problem);
  });
}

/** The raster types the worker may serve an image as, canonical spelling. */
const RASTER = ["image/png", "image/jpeg", "image/webp", "image/gif"];

/** One media type of a Content-Type the hostile upstream sends: its essence as spelled, and parameters. */
const mediaType = fc.record({
  essence: fc.constantFrom(
    "image/png",
    "IMAGE/PNG",
    "image/jpeg",
    "image/webp",
    "image/gif",
    "image/svg+xml",
    "text/html",
    "image/x-icon",
    "image/*",
    "application/octet-stream",
  ),
  parameters: fc.constantFrom("", "; charset=binary", ";q=1", '; name="a,b"', "; a=1, text/html"),
});

/** A Content-Type that is one type or a comma list of them, and whether the worker may serve it. */
const imageContentType = fc
  .tuple(fc.array(mediaType, { minLength: 1, maxLength: 3 }), fc.constantFrom(",", ", ", " ,"))
  .map(([types, separator]) => ({
    header: types.map(({ essence, parameters }) => `${essence}${parameters}`).join(separator),
    servable:
      types.length === 1 &&
      RASTER.includes(types[0]!.essence.toLowerCase()) &&
      !types[0]!.parameters.includes("text/html"),
    canonical: types[0]!.essence.toLowerCase(),
  }));

/** An echo the hostile upstream performs, and what the image it links to may be served as. */
export interface HostileCase {
  request: FuzzRequest;
  image: { servable: boolean; canonical: string };
}

const KEY_INDEX = fc.nat(UPSTREAM_KEY.length - 1);

/** Generate calls whose prompt makes the hostile upstream echo the key in header names, header values, encoded or split body text, next to comma-list image types. */
export const hostileEchoCase: fc.Arbitrary<HostileCase> = fc
  .record({
    place: fc.constantFrom<EchoShape["place"]>("header-name", "header-value", "body"),
    percent: fc.uniqueArray(KEY_INDEX, { maxLength: UPSTREAM_KEY.length }),
    upper: fc.uniqueArray(KEY_INDEX, { maxLength: UPSTREAM_KEY.length }),
    base64: fc.constantFrom<EchoShape["base64"]>("none", "none", "plain", "bearer", "url"),
    splits: fc.array(fc.nat(400), { maxLength: 6 }),
    status: fc.constantFrom<EchoShape["status"]>(200, 200, 200, 400, 422, 429, 500),
    image: imageContentType,
  })
  .map(({ image, ...rest }) => {
    const shape: EchoShape = { ...rest, imageType: image.header };
    return {
      request: {
        method: "POST",
        path: "/ideogram/generate",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ image_request: { prompt: echoPrompt(shape), magic_prompt_option: "OFF" } }),
      },
      image,
    };
  });

/** Why a proxied image answer breaks the image rules: one raster type, canonical, nosniff; never HTML or SVG. */
export function imageViolation(response: Response, image: HostileCase["image"]): string | undefined {
  const type = response.headers.get("content-type");
  if (response.status === 200) {
    if (!image.servable) return `served ${JSON.stringify(type)} as an image`;
    if (type !== image.canonical) return `served ${JSON.stringify(type)}, not ${image.canonical}`;
    if (response.headers.get("x-content-type-options") !== "nosniff")
      return "served an image without nosniff";
    return undefined;
  }
  return image.servable ? `refused a servable image (${response.status})` : undefined;
}

/**
 * The property over hostile echoes: no secret in any form in the generate answer, and the image it
 * links to (through the worker's proxy) follows the image rules.
 */
export function hostileProperty(workerURL: string) {
  return fc.asyncProperty(hostileEchoCase, async ({ request, image }) => {
    const answer = await send(workerURL, request);
    const leak = leakIn(answer);
    if (leak !== undefined) throw new Error(`${leak} (status ${answer.status})`);
    if (answer.status !== 200) return;
    const url = (JSON.parse(answer.text) as { data: { url: string }[] }).data[0]!.url;
    if (!url.startsWith(workerURL)) throw new Error(`image URL not proxied: ${url.slice(0, 60)}`);
    const response = await fetch(url);
    await response.arrayBuffer();
    const problem = imageViolation(response, image);
    if (problem !== undefined) throw new Error(problem);
  });
}
