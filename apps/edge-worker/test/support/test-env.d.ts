/// <reference types="@cloudflare/vitest-plugin/types" />

// Bindings that only vitest.worker.config.ts adds to the test runtime.
declare namespace Cloudflare {
  interface Env {
    /** A Rate Limiting binding of 2 calls per 60 s, to reach the limit in a test. */
    TIGHT_LIMITER: RateLimit;
    /** An R2 bucket for the image proxy's copies. */
    IMAGES: R2Bucket;
    /** The static assets (playground/dist), which the Worker itself never reads. */
    ASSETS: Fetcher;
  }
}
