import {
  formatPath,
  type ImageRequest,
  RequestValidationError,
  SEED_MAX,
  validateGenerateRequest,
} from "@ideokit/core";
import type { Context } from "hono";
import { authenticate } from "./auth.ts";
import { encodeImageId, type ImageSpec } from "./image-id.ts";
import { imageSize } from "./image-size.ts";
import { magicPrompt } from "./magic-prompt.ts";
import { problem } from "./problem.ts";
import type { RateLimiter } from "./rate-limiter.ts";
import { hashString } from "./seeded-random.ts";
import type { UrlSigner } from "./url-signature.ts";

/** The service's 422 message for prompts that fail the safety check. */
export const SAFETY_REJECTION_MESSAGE =
  "Prompt provided failed safety check due to the inclusion of prohibited content.";

/** What the generate handler needs from its emulator. */
export interface GenerateDependencies {
  apiKeys: readonly string[];
  limiter: RateLimiter | undefined;
  signer: UrlSigner;
  now: () => number;
  random: () => number;
  blockedWords: readonly string[];
  unsafeWords: readonly string[];
  imageTtlSeconds: number;
  latencyMs: number;
  publicURL: string | undefined;
  unknownKeys: "reject" | "passthrough";
}

/** `POST /generate` (and the reseller's `/ideogram/generate`): auth, rate limit, validation, safety, images. */
export function createGenerateHandler(deps: GenerateDependencies) {
  return async (c: Context): Promise<Response> => {
    const auth = authenticate(c.req.raw.headers, deps.apiKeys);
    if (!auth.ok) {
      const detail =
        auth.reason === "missing"
          ? "No API key provided: send Authorization: Bearer KEY or Api-Key: KEY"
          : "Invalid API key";
      return problem(c, 401, detail);
    }
    const waitMs = deps.limiter?.admit(auth.apiKey) ?? 0;
    if (waitMs > 0) {
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      return problem(c, 429, `Too many requests: retry in ${seconds} s`, { "retry-after": String(seconds) });
    }
    const parsed = parseJson(await c.req.text());
    if (!parsed.ok) return problem(c, 400, "Request body is not valid JSON");
    let request: ImageRequest;
    try {
      request = validateGenerateRequest(parsed.value, { unknownKeys: deps.unknownKeys }).image_request;
    } catch (error) {
      if (!(error instanceof RequestValidationError)) throw error;
      return problem(
        c,
        400,
        error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join("; "),
      );
    }
    if (containsWord(request.prompt, deps.blockedWords))
      return c.json({ error: SAFETY_REJECTION_MESSAGE }, 422);
    if (deps.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, deps.latencyMs));
    return c.json(await generateResponse(c, request, deps));
  };
}

async function generateResponse(c: Context, request: ImageRequest, deps: GenerateDependencies) {
  const { width, height } = imageSize(request);
  const prompt = magicPrompt(request);
  const safe = !containsWord(request.prompt, deps.unsafeWords);
  const created = deps.now();
  const expiresAt = Math.floor(created / 1000) + deps.imageTtlSeconds;
  const base = deps.publicURL?.replace(/\/+$/, "") ?? requestBase(c.req.url);
  const data = await Promise.all(
    Array.from({ length: request.num_images ?? 1 }, async (_, variant) => {
      const seed = request.seed ?? Math.floor(deps.random() * (SEED_MAX + 1));
      const spec: ImageSpec = { width, height, seed, promptHash: hashString(prompt), variant };
      const id = encodeImageId(request.color_palette ? { ...spec, palette: request.color_palette } : spec);
      const signature = await deps.signer.sign(id, expiresAt);
      return {
        is_image_safe: safe,
        prompt,
        resolution: `${width}x${height}`,
        seed,
        style_type: request.style_type ?? null,
        url: safe ? `${base}/images/ephemeral/${id}.png?exp=${expiresAt}&sig=${signature}` : null,
      };
    }),
  );
  return { created: pythonIsoTimestamp(created), data };
}

/** The origin plus any mount prefix of a generate URL: where this emulator's image routes live. */
function requestBase(url: string): string {
  const { origin, pathname } = new URL(url);
  return origin + pathname.replace(/(?:\/ideogram)?\/generate\/?$/, "");
}

/** "2024-12-15T17:32:00.965000+00:00": the service's timestamp format (Python isoformat, microseconds). */
function pythonIsoTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "000+00:00");
}

function containsWord(text: string, words: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return words.some((word) => {
    const escaped = word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`(?:^|[^\\p{L}\\p{N}])${escaped}(?:$|[^\\p{L}\\p{N}])`, "u").test(lower);
  });
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
