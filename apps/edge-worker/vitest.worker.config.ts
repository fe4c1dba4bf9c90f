import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { createEmulator } from "@ideokit/testing";
import { type SpecError, specValidator } from "@ideokit/testing/spec";
import { defineConfig } from "vitest/config";

/** The key the deployed-style worker (wrangler.jsonc + these bindings) holds in the entry tests. */
export const ENTRY_UPSTREAM_KEY = "sk-entry-5a0e6c1d2b";
const UPSTREAM_HOST = "upstream.test";

// The worker's real outbound path: its global fetch leaves workerd through miniflare's
// outboundService, which lands here in Node, in an emulator from @ideokit/testing.
const upstream = createEmulator({ apiKey: ENTRY_UPSTREAM_KEY });

/** What the official spec says of each call the upstream received, in order (ajv runs here in Node, not in workerd). */
const specChecks: { path: string; requestId: string | null; errors: SpecError[] }[] = [];

async function checkAgainstSpec(request: Request, path: string): Promise<void> {
  const contentType = request.headers.get("content-type") ?? "";
  // Parsed by Node's own Response: miniflare's Request carries a FormData of another realm.
  const bytes = await request.arrayBuffer();
  const body = /^multipart\/form-data/i.test(contentType)
    ? await new Response(bytes, { headers: { "content-type": contentType } }).formData()
    : new TextDecoder().decode(bytes);
  const errors = specValidator().request(path, contentType.split(";", 1)[0] ?? "", body);
  specChecks.push({ path, requestId: request.headers.get("x-request-id"), errors });
}

async function outbound(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== UPSTREAM_HOST) return new Response("no network in tests", { status: 599 });
  // Test-only window into the emulator's request log, which lives in this Node process.
  if (url.pathname === "/__log") return Response.json(upstream.requests);
  if (url.pathname === "/__spec") return Response.json(specChecks);
  if (request.method === "POST") await checkAgainstSpec(request.clone(), url.pathname);
  const body = request.method === "GET" || request.method === "HEAD" ? null : await request.arrayBuffer();
  return upstream.fetch(url.href, { method: request.method, headers: request.headers, body });
}

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.jsonc" },
      miniflare: {
        bindings: {
          UPSTREAM_BASE_URL: `http://${UPSTREAM_HOST}/ideogram`,
          IDEOGRAM_API_KEY: ENTRY_UPSTREAM_KEY,
          CLIENT_TOKENS: "entry:entry-client-token",
        },
        kvNamespaces: ["UPSTREAM_KEYS"],
        r2Buckets: ["IMAGES"],
        ratelimits: { TIGHT_LIMITER: { namespace_id: "2001", simple: { limit: 2, period: 60 } } },
        outboundService: outbound,
        // wrangler.jsonc's assets (the playground page), plus a binding so a test can read what
        // GET / serves: exports.default.fetch reaches the Worker only, never the assets router.
        assets: { directory: "./playground/dist", binding: "ASSETS" },
      },
    }),
  ],
  test: {
    name: "worker",
    include: ["test/**/*.test.ts"],
    // Test files share no state the harness does not create afresh, so one runtime serves them all.
    isolate: false,
    // Some cases move megabytes (uploads past their limit) or 40 concurrent downloads; on a busy
    // 2-core machine they took 7 s against vitest's 5 s default, so allow 5× that.
    testTimeout: 30_000,
  },
});
