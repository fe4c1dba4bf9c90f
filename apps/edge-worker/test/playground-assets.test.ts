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
});
