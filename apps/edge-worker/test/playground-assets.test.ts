import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

// wrangler.jsonc serves playground/dist as static assets: `/` is the page, other paths reach the Worker.
describe("the playground page among the static assets", () => {
  it("serves index.html at / with the security headers of _headers", async () => {
    const response = await env.ASSETS.fetch("http://worker.test/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain("<title>ideokit playground</title>");
    expect(html).toContain('<script type="module" src="./app.js"></script>');
  });

  it("serves the chunks app.js imports, preloaded by the page, under the same policy and cached for good", async () => {
    const html = await (await env.ASSETS.fetch("http://worker.test/")).text();
    const chunks = [...html.matchAll(/<link rel="modulepreload" href="\.\/(chunks\/[^"]+\.js)"/g)].map(
      (match) => match[1],
    );
    expect(chunks.length).toBeGreaterThan(0);
    const app = await (await env.ASSETS.fetch("http://worker.test/app.js")).text();
    for (const chunk of chunks) {
      expect(app).toContain(`"./${chunk}"`);
      const response = await env.ASSETS.fetch(`http://worker.test/${chunk}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/javascript/);
      expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      await response.body?.cancel();
    }
  });
});
