import { existsSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";

/** The edge worker's bundle, built by `pnpm --filter @ideokit/edge-worker build` (turbo builds it before these tests). */
export const WORKER_BUNDLE = fileURLToPath(
  new URL("../../../apps/edge-worker/dist/index.js", import.meta.url),
);

/** How the worker under test is configured: the upstream it forwards to and a few of its variables. */
export interface WorkerOptions {
  /** The emulator's base URL (the worker posts to `${upstreamURL}/generate`). */
  upstreamURL: string;
  /** The upstream key the worker holds. */
  apiKey: string;
  /** UPSTREAM_TIMEOUT_MS. */
  upstreamTimeoutMs: number;
  /** Any other variable, e.g. CLIENT_TOKENS. */
  bindings?: Record<string, string>;
}

/** The edge worker running in workerd on a loopback port. */
export interface RunningWorker {
  /** e.g. "http://127.0.0.1:41234" (generate at `${url}/ideogram/generate`). */
  url: string;
  /** Stops workerd. */
  dispose(): Promise<void>;
}

/**
 * Runs the built edge worker in workerd through miniflare, anonymous calls and any origin allowed,
 * with rate limits (per client, per address for images and failed authentications) high enough
 * never to interfere and the generation cache off.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  if (!existsSync(WORKER_BUNDLE)) {
    throw new Error(
      `The edge worker bundle is missing (${WORKER_BUNDLE}): run \`pnpm --filter @ideokit/edge-worker build\` ` +
        "or `pnpm turbo run test --filter @ideokit/stack-tests`, which builds it first.",
    );
  }
  const miniflare = new Miniflare(
    convertV4MiniflareOptions({
      modules: true,
      scriptPath: WORKER_BUNDLE,
      // Module names are relative to this root; the bundle lives outside this package.
      modulesRoot: dirname(WORKER_BUNDLE),
      compatibilityDate: "2026-11-01",
      bindings: {
        UPSTREAM_BASE_URL: options.upstreamURL,
        IDEOGRAM_API_KEY: options.apiKey,
        UPSTREAM_TIMEOUT_MS: String(options.upstreamTimeoutMs),
        ALLOW_ANONYMOUS: "true",
        ALLOWED_ORIGINS: "*",
        RATE_LIMIT_MAX: "1000000",
        IMAGE_RATE_LIMIT_MAX: "1000000",
        AUTH_FAILURE_LIMIT_MAX: "1000000",
        CACHE_TTL_SECONDS: "0",
        ...options.bindings,
      },
      host: "127.0.0.1",
      port: 0,
      // The worker logs one JSON line per request; thousands of them would bury the test output.
      handleStructuredLogs: () => {},
      telemetry: { enabled: false },
    }),
  );
  const url = await miniflare.ready;
  return { url: url.origin, dispose: () => miniflare.dispose() };
}
