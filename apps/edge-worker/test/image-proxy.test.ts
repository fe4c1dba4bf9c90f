import { imageUrlExpiresAt } from "@ideokit/core";
import { describe, expect, it } from "vitest";
import {
  createHarness,
  errorOf,
  type Harness,
  type HarnessOptions,
  UPSTREAM_KEY,
  WORKER,
} from "./support/harness.ts";

const IMAGE_SIGNING_SECRET = "image-signing-secret-4b1d-0123456789abcdef";
const SEEDED = { image_request: { prompt: "a lighthouse at dusk", seed: 7 } };
const PROXY_PREFIX = `${WORKER}/ideogram/images/`;
const DAY_MS = 86_400_000;

interface Generated {
  data: { url: string | null }[];
}

/** A harness with the image proxy on, its upstream optionally wrapped by `around`. */
function proxied(
  options: HarnessOptions & {
    around?: (harness: Harness, input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  } = {},
): Harness {
  const { around, ...rest } = options;
  let harness: Harness | undefined;
  const wrapped: typeof fetch | undefined = around && ((input, init) => around(harness!, input, init));
  harness = createHarness({
    ...rest,
    bindings: { IMAGE_SIGNING_SECRET, ...rest.bindings },
    ...(wrapped ? { fetch: wrapped } : {}),
  });
  return harness;
}

async function imageUrls(harness: Harness, body: unknown = SEEDED): Promise<string[]> {
  const response = await harness.generate(body);
  expect(response.status).toBe(200);
  return ((await response.json()) as Generated).data.map((image) => image.url ?? "");
}

/** The token of a proxied image URL. */
function tokenOf(url: string): string {
  return new URL(url).pathname.slice(new URL(PROXY_PREFIX).pathname.length);
}

/** The JSON payload of a proxied image URL's token (documented format: base64url JSON, then signature). */
function tokenPayload(url: string): { u: string; e: number } {
  const payload = tokenOf(url).split(".")[0]!;
  return JSON.parse(atob(payload.replaceAll("-", "+").replaceAll("_", "/")));
}

async function bytes(response: Response): Promise<Uint8Array> {
  return new Uint8Array(await response.arrayBuffer());
}

/** Replaces the image URLs of an upstream generate answer. */
async function withImageUrls(reply: Response, rewrite: (url: string) => string): Promise<Response> {
  if (!reply.ok) return reply;
  const body = (await reply.json()) as Generated;
  for (const image of body.data) if (image.url) image.url = rewrite(image.url);
  return Response.json(body, { status: reply.status, headers: reply.headers });
}

const isGenerate = (input: RequestInfo | URL) =>
  String(input instanceof Request ? input.url : input).endsWith("/generate");

describe("image URL rewriting", () => {
  it("points every image URL at the worker with a signed token for the upstream URL", async () => {
    const harness = proxied();
    const urls = await imageUrls(harness, { image_request: { ...SEEDED.image_request, num_images: 3 } });
    expect(urls).toHaveLength(3);
    for (const url of urls) {
      expect(url.startsWith(PROXY_PREFIX)).toBe(true);
      const { u, e } = tokenPayload(url);
      expect(new URL(u).host).toBe("upstream.test");
      // Without an IMAGES bucket the token lives exactly as long as the upstream link, and the
      // proxied URL says so in core's exp= convention.
      expect(e).toBe(Number(new URL(u).searchParams.get("exp")));
      expect(imageUrlExpiresAt(url)).toEqual(new Date(e * 1000));
    }
    expect(new Set(urls).size).toBe(3);
  });

  it("leaves URLs unchanged without IMAGE_SIGNING_SECRET, and the image path is unknown", async () => {
    const harness = createHarness();
    const [url] = await imageUrls(harness);
    expect(url).toMatch(/^http:\/\/upstream\.test\/images\/ephemeral\//);
    const response = await harness.call("/ideogram/images/anything.at-all");
    expect(response.status).toBe(404);
    expect((await errorOf(response)).type).toBe("not_found");
  });

  it("leaves a URL on a host outside IMAGE_HOSTS as it is, and logs it", async () => {
    const harness = proxied({
      around: async (h, input, init) =>
        withImageUrls(await h.upstream.fetch(input, init), (url) =>
          url.replace("upstream.test", "cdn.example"),
        ),
    });
    const [url] = await imageUrls(harness);
    expect(url).toMatch(/^http:\/\/cdn\.example\/images\//);
    expect(harness.logs).toContainEqual(
      expect.objectContaining({ event: "image_url_not_proxied", reason: "host_not_allowed" }),
    );
  });

  /** The generate answer's first image URL when the upstream serves its images from `host`. */
  async function urlFromHost(host: string, bindings: HarnessOptions["bindings"] = {}) {
    const harness = proxied({
      bindings: { IMAGE_HOSTS: host, ...bindings },
      around: async (h, input, init) =>
        withImageUrls(await h.upstream.fetch(input, init), (url) => url.replace("upstream.test", host)),
    });
    return { harness, url: (await imageUrls(harness))[0]! };
  }

  it.each([
    "127.0.0.1:8788",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "[::1]",
    "[::]",
    "[fd00::1]",
    "[fe80::1]",
    "[::ffff:7f00:1]",
    "[64:ff9b::a00:1]",
    "localhost:8788",
    "img.localhost",
  ])("does not proxy the private or loopback address %s, even allow-listed", async (host) => {
    const { harness, url } = await urlFromHost(host);
    expect(url.startsWith(PROXY_PREFIX)).toBe(false);
    expect(harness.logs).toContainEqual(
      expect.objectContaining({ event: "image_url_not_proxied", reason: "private_address" }),
    );
    const { url: allowed } = await urlFromHost(host, { ALLOW_PRIVATE_IMAGE_HOSTS: "true" });
    expect(allowed.startsWith(PROXY_PREFIX)).toBe(true);
  });

  it.each(["false", "0", "off", "no", ""])(
    "keeps private addresses refused for ALLOW_PRIVATE_IMAGE_HOSTS=%j",
    async (value) => {
      const { url } = await urlFromHost("127.0.0.1:8788", { ALLOW_PRIVATE_IMAGE_HOSTS: value });
      expect(url.startsWith(PROXY_PREFIX)).toBe(false);
    },
  );

  it.each(["93.184.216.34", "172.32.0.1", "[2606:4700::1111]", "images.example:8443"])(
    "proxies the public host %s when allow-listed",
    async (host) => {
      const { url } = await urlFromHost(host);
      expect(url.startsWith(PROXY_PREFIX)).toBe(true);
    },
  );

  it.each([
    ["https://ideogram.ai.evil.example/x.png", "host_not_allowed"],
    ["https://evilideogram.ai/x.png", "host_not_allowed"],
    ["https://ideogram.ai:8443/x.png", "host_not_allowed"],
    ["https://ideogram.ai./x.png", "host_not_allowed"],
    ["https://ideogram.ai@evil.example/x.png", "unsupported_url"],
    ["https://evil.example@ideogram.ai/x.png", "unsupported_url"],
    ["ftp://ideogram.ai/x.png", "unsupported_url"],
    ["javascript:alert(1)//ideogram.ai", "unsupported_url"],
  ])("does not proxy the look-alike %s (%s)", async (imageUrl, reason) => {
    const harness = proxied({
      around: async (h, input, init) => withImageUrls(await h.upstream.fetch(input, init), () => imageUrl),
    });
    const [url] = await imageUrls(harness);
    expect(url).toBe(imageUrl);
    expect(harness.logs).toContainEqual(expect.objectContaining({ event: "image_url_not_proxied", reason }));
  });

  it.each([
    ["http://2130706433/x.png", "127.0.0.1"],
    ["http://0x7f.1/x.png", "127.0.0.1"],
    ["http://0177.0.0.1/x.png", "127.0.0.1"],
    ["http://127.1/x.png", "127.0.0.1"],
    ["http://[::ffff:127.0.0.1]/x.png", "[::ffff:7f00:1]"],
    ["http://[0:0:0:0:0:0:0:1]/x.png", "[::1]"],
  ])("sees through the numeric form %s of an allow-listed private address", async (imageUrl, host) => {
    const harness = proxied({
      bindings: { IMAGE_HOSTS: host },
      around: async (h, input, init) => withImageUrls(await h.upstream.fetch(input, init), () => imageUrl),
    });
    const [url] = await imageUrls(harness);
    expect(url).toBe(imageUrl);
    expect(harness.logs).toContainEqual(
      expect.objectContaining({ event: "image_url_not_proxied", reason: "private_address" }),
    );
  });

  it("never puts the upstream key in a token, even when the upstream echoes it into an image URL", async () => {
    const harness = proxied({
      around: async (h, input, init) =>
        withImageUrls(await h.upstream.fetch(input, init), (url) => `${url}&leak=${UPSTREAM_KEY}`),
    });
    const [url] = await imageUrls(harness);
    expect(url).not.toContain(UPSTREAM_KEY);
    expect(tokenPayload(url!).u).toContain("leak=[redacted]");
  });

  it("rewrites a cached answer too, so a HIT also gets proxied links", async () => {
    const harness = proxied();
    await imageUrls(harness);
    const response = await harness.generate(SEEDED);
    expect(response.headers.get("x-ideokit-cache")).toBe("HIT");
    const { data } = (await response.json()) as Generated;
    expect(data[0]?.url?.startsWith(PROXY_PREFIX)).toBe(true);
  });
});

describe("GET /ideogram/images/:token", () => {
  it("streams the upstream PNG byte for byte, then serves it from the edge cache", async () => {
    const harness = proxied();
    const [url] = await imageUrls(harness);
    const first = await harness.call(url!);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("image/png");
    expect(first.headers.get("x-ideokit-cache")).toBe("MISS");
    expect(first.headers.get("cache-control")).toMatch(/^public, max-age=\d+, immutable$/);
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    const served = await bytes(first);
    await harness.settle();

    const second = await harness.call(url!);
    expect(second.headers.get("x-ideokit-cache")).toBe("HIT");
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(await bytes(second)).toEqual(served);
    expect(harness.imageCalls()).toHaveLength(1);

    const direct = await harness.upstream.fetch(tokenPayload(url!).u);
    expect(direct.headers.get("content-type")).toBe("image/png");
    expect(served).toEqual(await bytes(direct));
  });

  it("sets max-age to the token's remaining lifetime", async () => {
    const harness = proxied();
    const [url] = await imageUrls(harness);
    harness.clock.advance(3_600_000);
    const response = await harness.call(url!);
    const expected = tokenPayload(url!).e - Math.floor(harness.clock.now() / 1000);
    expect(response.headers.get("cache-control")).toBe(`public, max-age=${expected}, immutable`);
  });

  it.each([
    ["the same ETag", (etag: string) => etag],
    ["a weak form of it", (etag: string) => `W/${etag}`],
    ["a list holding it", (etag: string) => `"other", ${etag}`],
    ["*", () => "*"],
  ])("answers If-None-Match with %s by 304 and no body", async (_, header) => {
    const harness = proxied();
    const [url] = await imageUrls(harness);
    const etag = (await harness.call(url!)).headers.get("etag")!;
    const calls = harness.imageCalls().length;
    const response = await harness.call(url!, { headers: { "if-none-match": header(etag) } });
    expect(response.status).toBe(304);
    expect(response.headers.get("etag")).toBe(etag);
    expect(await response.text()).toBe("");
    expect(harness.imageCalls()).toHaveLength(calls);
  });

  it("answers 200 to an If-None-Match that names another ETag", async () => {
    const harness = proxied();
    const [url] = await imageUrls(harness);
    const response = await harness.call(url!, { headers: { "if-none-match": '"not-this-one"' } });
    expect(response.status).toBe(200);
  });

  it("logs only the tail of an image token", async () => {
    const harness = proxied();
    const [url] = await imageUrls(harness);
    await harness.call(url!);
    const token = tokenOf(url!);
    const line = harness.logs.find((entry) => String(entry.path).startsWith("/ideogram/images/"));
    expect(line).toMatchObject({ status: 200, path: `/ideogram/images/…${token.slice(-12)}` });
    expect(JSON.stringify(harness.logs)).not.toContain(token.split(".")[0]);
  });

  it("answers HEAD with the image headers", async () => {
    const harness = proxied();
    const [url] = await imageUrls(harness);
    const response = await harness.call(url!, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
  });

  it("answers other methods with 405 and Allow", async () => {
    const harness = proxied();
    const [url] = await imageUrls(harness);
    const response = await harness.call(url!, { method: "POST" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
  });
});

describe("image tokens that must be refused", () => {
  /** Expects a 403 JSON error of `type` carrying the response's request id, and no upstream download. */
  async function expectRefused(harness: Harness, url: string, type: string, status = 403) {
    const before = harness.imageCalls().length;
    const response = await harness.call(url);
    expect(response.status).toBe(status);
    const error = await errorOf(response);
    expect(error.type).toBe(type);
    expect(error.request_id).toBe(response.headers.get("x-request-id"));
    expect(harness.imageCalls()).toHaveLength(before);
  }

  const encode = (json: unknown) =>
    btoa(JSON.stringify(json)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");

  it("refuses a token whose payload was changed to point elsewhere", async () => {
    const harness = proxied();
    const [url] = await imageUrls(harness);
    const { u, e } = tokenPayload(url!);
    const signature = tokenOf(url!).split(".").at(-1);
    for (const forged of [
      { u: u.replace("upstream.test", "169.254.169.254"), e },
      { u, e: e + 86_400 },
    ]) {
      await expectRefused(harness, `${PROXY_PREFIX}${encode(forged)}.${signature}`, "invalid_image_token");
    }
  });

  it.each([
    [
      "a flipped signature character",
      (token: string) => token.replace(/\.(.)/, (_, first) => `.${first === "A" ? "B" : "A"}`),
    ],
    [
      // 32 MAC bytes fill 43 characters with 2 bits to spare: flipping one of those keeps the bytes.
      "a non-canonical spelling of the right signature",
      (token: string) => {
        const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return token.replace(/.$/, (last) => alphabet[alphabet.indexOf(last) ^ 1]!);
      },
    ],
    ["no signature", (token: string) => token.split(".")[0]!],
    ["a truncated signature", (token: string) => token.slice(0, -2)],
    ["an extra part", (token: string) => `${token}.AAAA`],
    ["garbage", () => "not-a-token"],
    ["an oversized token", (token: string) => `${"A".repeat(5000)}.${token.split(".")[1]}`],
  ])("refuses %s", async (_, tamper) => {
    const harness = proxied();
    const [url] = await imageUrls(harness);
    await expectRefused(harness, `${PROXY_PREFIX}${tamper(tokenOf(url!))}`, "invalid_image_token");
  });

  it("refuses a token signed with another secret", async () => {
    const harness = proxied();
    const [url] = await imageUrls(harness);
    const rotated = harness.sibling({ IMAGE_SIGNING_SECRET: "a-different-secret-0123456789abcdef" });
    await expectRefused(rotated, url!, "invalid_image_token");
  });

  it("refuses an expired token: without a bucket, once the upstream link has expired", async () => {
    const harness = proxied();
    const [url] = await imageUrls(harness);
    harness.clock.set(tokenPayload(url!).e * 1000 - 1);
    expect((await harness.call(url!)).status).toBe(200);
    harness.clock.advance(1);
    await expectRefused(harness, url!, "image_link_expired");
    // The exp= query is informational: only the signed token decides.
    await expectRefused(harness, url!.replace(/exp=\d+/, "exp=9999999999"), "image_link_expired");
  });

  it("refuses a validly signed token for a host no longer in IMAGE_HOSTS", async () => {
    const harness = proxied({
      bindings: { IMAGE_HOSTS: "upstream.test, cdn.example" },
      around: async (h, input, init) =>
        withImageUrls(await h.upstream.fetch(input, init), (url) =>
          url.replace("upstream.test", "cdn.example"),
        ),
    });
    const [url] = await imageUrls(harness);
    expect(url!.startsWith(PROXY_PREFIX)).toBe(true);
    const narrowed = harness.sibling({ IMAGE_HOSTS: undefined });
    await expectRefused(narrowed, url!, "image_host_not_allowed");
  });

  it("fetches from a private address only with ALLOW_PRIVATE_IMAGE_HOSTS, even when allow-listed", async () => {
    const local = "127.0.0.1:8788";
    const harness = proxied({
      bindings: { IMAGE_HOSTS: local, ALLOW_PRIVATE_IMAGE_HOSTS: "true" },
      around: async (h, input, init) => {
        const reply = await h.upstream.fetch(String(input).replace(local, "upstream.test"), init);
        return isGenerate(input) ? withImageUrls(reply, (url) => url.replace("upstream.test", local)) : reply;
      },
    });
    const [url] = await imageUrls(harness);
    expect(new URL(tokenPayload(url!).u).host).toBe(local);
    expect((await harness.call(url!)).status).toBe(200);

    const strict = harness.sibling({ ALLOW_PRIVATE_IMAGE_HOSTS: undefined });
    await expectRefused(strict, url!, "image_host_not_allowed");
    const [unproxied] = await imageUrls(strict);
    expect(new URL(unproxied!).host).toBe(local);
  });

  it.each([
    ["a private address", "http://127.0.0.1:8788/images/x.png"],
    ["the metadata address", "http://169.254.169.254/latest/meta-data/"],
    ["a foreign host", "https://evil.example/x.png"],
    ["a non-http scheme", "file:///etc/passwd"],
  ])("refuses an upstream redirect to %s with 502, never fetching it", async (_, location) => {
    const fetched: string[] = [];
    const harness = proxied({
      around: async (h, input, init) => {
        if (isGenerate(input)) return h.upstream.fetch(input, init);
        fetched.push(String(input));
        expect(init?.redirect).toBe("manual");
        return new Response(null, { status: 302, headers: { location } });
      },
    });
    const [url] = await imageUrls(harness);
    await expectRefused(harness, url!, "image_redirect_refused", 502);
    expect(fetched).toEqual([tokenPayload(url!).u]);
  });

  it("follows a redirect to an allowed host", async () => {
    const fetched: string[] = [];
    const harness = proxied({
      around: async (h, input, init) => {
        if (isGenerate(input)) return h.upstream.fetch(input, init);
        fetched.push(String(input));
        const url = new URL(String(input));
        if (url.pathname.startsWith("/moved/")) {
          return h.upstream.fetch(`${url.origin}${url.pathname.slice("/moved".length)}${url.search}`, init);
        }
        return new Response(null, {
          status: 301,
          headers: { location: `/moved${url.pathname}${url.search}` },
        });
      },
    });
    const [url] = await imageUrls(harness);
    const response = await harness.call(url!);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(fetched).toHaveLength(2);
  });

  it("stops after three redirects", async () => {
    let hops = 0;
    const harness = proxied({
      around: async (h, input, init) => {
        if (isGenerate(input)) return h.upstream.fetch(input, init);
        hops++;
        return new Response(null, { status: 307, headers: { location: `${String(input)}&hop=${hops}` } });
      },
    });
    const [url] = await imageUrls(harness);
    await expectRefused(harness, url!, "image_redirect_refused", 502);
    expect(hops).toBe(4);
  });
});

describe("upstream image failures", () => {
  async function expectBadGateway(harness: Harness, url: string, type: string, status = 502) {
    const response = await harness.call(url);
    expect(response.status).toBe(status);
    const error = await errorOf(response);
    expect(error.type).toBe(type);
    expect(error.request_id).toBe(response.headers.get("x-request-id"));
  }

  it.each(["503", "500"] as const)("answers an upstream %s with 502 image_unavailable", async (fault) => {
    const harness = proxied();
    const [url] = await imageUrls(harness);
    harness.upstream.faults.next(1, fault, { on: "images" });
    await expectBadGateway(harness, url!, "image_unavailable");
  });

  it.each([
    ["text/html", "<html>login</html>"],
    ["image/svg+xml", "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"],
  ])("refuses to serve a %s answer as an image", async (type, body) => {
    const harness = proxied({
      around: async (h, input, init) =>
        isGenerate(input)
          ? h.upstream.fetch(input, init)
          : new Response(body, { headers: { "content-type": type } }),
    });
    const [url] = await imageUrls(harness);
    await expectBadGateway(harness, url!, "image_unavailable");
  });

  it("refuses an image whose declared length is over 16 MiB, without reading it", async () => {
    let pulled = 0;
    const harness = proxied({
      around: async (h, input, init) => {
        if (isGenerate(input)) return h.upstream.fetch(input, init);
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (pulled++ === 16) controller.close();
            else controller.enqueue(new Uint8Array(1024));
          },
        });
        return new Response(body, {
          headers: { "content-type": "image/png", "content-length": String(16 * 1024 * 1024 + 1) },
        });
      },
    });
    const [url] = await imageUrls(harness);
    await expectBadGateway(harness, url!, "image_unavailable");
    expect(pulled).toBeLessThan(16);
  });

  it("answers a dropped connection with 502 upstream_unreachable", async () => {
    const harness = proxied();
    const [url] = await imageUrls(harness);
    harness.upstream.faults.next(1, "reset", { on: "images" });
    await expectBadGateway(harness, url!, "upstream_unreachable");
  });

  it("answers a hung image download with 504 after UPSTREAM_TIMEOUT_MS", async () => {
    const harness = proxied({ bindings: { UPSTREAM_TIMEOUT_MS: "30" } });
    const [url] = await imageUrls(harness);
    harness.upstream.faults.next(1, "hang", { on: "images" });
    await expectBadGateway(harness, url!, "upstream_timeout", 504);
  });

  it("does not cache a failed download: the next request fetches again", async () => {
    const harness = proxied();
    const [url] = await imageUrls(harness);
    harness.upstream.faults.next(1, "503", { on: "images" });
    expect((await harness.call(url!)).status).toBe(502);
    const retry = await harness.call(url!);
    expect(retry.status).toBe(200);
    expect(retry.headers.get("x-ideokit-cache")).toBe("MISS");
  });
});

describe("R2 persistence (IMAGES bucket)", () => {
  it("serves an image after its upstream link died, from the bucket, in a data centre that never saw it", async () => {
    const { env } = await import("cloudflare:workers");
    const harness = proxied({ bindings: { IMAGES: env.IMAGES } });
    const [url] = await imageUrls(harness);
    const { u, e } = tokenPayload(url!);
    expect(e).toBe(Math.floor(harness.clock.now() / 1000) + 30 * 86_400);
    expect(imageUrlExpiresAt(url!)).toEqual(new Date(e * 1000));
    const first = await harness.call(url!);
    expect(first.headers.get("x-ideokit-cache")).toBe("MISS");
    const original = await bytes(first);
    await harness.settle();

    harness.clock.advance(DAY_MS + 1_000);
    expect((await harness.upstream.fetch(u)).status).toBe(403);
    const downloads = harness.imageCalls().length;

    const elsewhere = harness.sibling();
    const later = await elsewhere.call(url!);
    expect(later.status).toBe(200);
    expect(later.headers.get("x-ideokit-cache")).toBe("HIT");
    expect(later.headers.get("content-type")).toBe("image/png");
    expect(later.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(await bytes(later)).toEqual(original);
    expect(harness.imageCalls()).toHaveLength(downloads);
  });

  it("without a bucket, the same image is gone once the upstream link died", async () => {
    const harness = proxied();
    const [url] = await imageUrls(harness);
    expect((await harness.call(url!)).status).toBe(200);
    await harness.settle();
    harness.clock.advance(DAY_MS + 1_000);
    expect((await harness.sibling().call(url!)).status).toBe(403);
  });

  it("keeps no bucket copy of an image of unknown length over 16 MiB (it is never buffered whole)", async () => {
    const { env } = await import("cloudflare:workers");
    const chunk = new Uint8Array(1024 * 1024).fill(7);
    const harness = proxied({
      bindings: { IMAGES: env.IMAGES },
      around: async (h, input, init) => {
        if (isGenerate(input)) return h.upstream.fetch(input, init);
        await h.upstream.fetch(input, init);
        let sent = 0;
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent++ === 17) controller.close();
            else controller.enqueue(chunk);
          },
        });
        return new Response(body, { headers: { "content-type": "image/png" } });
      },
    });
    const [url] = await imageUrls(harness);
    const first = await harness.call(url!);
    expect(first.status).toBe(200);
    await expect(bytes(first)).rejects.toThrow();
    await harness.settle();
    expect(harness.logs).toContainEqual(expect.objectContaining({ event: "image_store_failed" }));
    const downloads = harness.imageCalls().length;
    const elsewhere = await harness.sibling().call(url!);
    expect(elsewhere.headers.get("x-ideokit-cache")).toBe("MISS");
    await elsewhere.body?.cancel();
    expect(harness.imageCalls()).toHaveLength(downloads + 1);
  });

  it("ends a token after IMAGE_RETENTION_DAYS", async () => {
    const { env } = await import("cloudflare:workers");
    const harness = proxied({ bindings: { IMAGES: env.IMAGES, IMAGE_RETENTION_DAYS: "2" } });
    const [url] = await imageUrls(harness);
    expect((await harness.call(url!)).status).toBe(200);
    await harness.settle();
    harness.clock.advance(2 * DAY_MS - 1_000);
    expect((await harness.sibling().call(url!)).status).toBe(200);
    harness.clock.advance(1_000);
    expect((await harness.sibling().call(url!)).status).toBe(403);
  });
});

describe("image proxy settings", () => {
  it.each(["0", "-3", "thirty"])(
    "answers 500 server_misconfigured for IMAGE_RETENTION_DAYS=%s",
    async (value) => {
      const harness = proxied({ bindings: { IMAGE_RETENTION_DAYS: value } });
      const response = await harness.generate(SEEDED);
      expect(response.status).toBe(500);
      expect((await errorOf(response)).type).toBe("server_misconfigured");
    },
  );

  it("allows the upstream's host and ideogram.ai by default", async () => {
    for (const host of ["upstream.test", "ideogram.ai"]) {
      const harness = proxied({
        around: async (h, input, init) =>
          withImageUrls(await h.upstream.fetch(input, init), (url) => url.replace("upstream.test", host)),
      });
      expect((await imageUrls(harness))[0]!.startsWith(PROXY_PREFIX)).toBe(true);
    }
  });
});
