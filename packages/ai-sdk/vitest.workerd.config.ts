import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { createEmulator } from "@ideokit/testing";
import { defineConfig } from "vitest/config";
import { OUTBOUND_BASE_URL, OUTBOUND_KEY } from "./test/workerd/outbound.ts";

// workerd's own global fetch leaves the runtime through miniflare's outboundService and lands here,
// in an emulator in this Node process: the provider's default fetch, exactly as in production.
const upstream = createEmulator({ apiKey: OUTBOUND_KEY });

async function outbound(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.origin !== OUTBOUND_BASE_URL) return new Response("no network in tests", { status: 599 });
  const body = request.method === "GET" || request.method === "HEAD" ? null : await request.arrayBuffer();
  return upstream.fetch(url.href, { method: request.method, headers: request.headers, body });
}

export default defineConfig({
  plugins: [
    cloudflareTest({
      miniflare: {
        compatibilityDate: "2026-11-01",
        compatibilityFlags: ["nodejs_compat"],
        outboundService: outbound,
      },
    }),
  ],
  test: {
    name: "workerd",
    include: ["test/workerd/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
  },
});
