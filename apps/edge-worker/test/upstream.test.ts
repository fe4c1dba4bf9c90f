import { createEmulator, SAFETY_REJECTION_MESSAGE } from "@ideokit/testing";
import { describe, expect, it } from "vitest";
import { createHarness, errorOf, UPSTREAM_BASE_URL, UPSTREAM_KEY, VALID_BODY } from "./support/harness.ts";

/** An emulator outside the harness, to get the reply the upstream gives for the same call. */
async function directReply(body: unknown, emulatorOptions = {}) {
  const direct = createEmulator({ apiKey: UPSTREAM_KEY, ...emulatorOptions });
  const response = await direct.fetch(`${UPSTREAM_BASE_URL}/generate`, {
    method: "POST",
    headers: { authorization: `Bearer ${UPSTREAM_KEY}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe("forwarding to the upstream", () => {
  it("relays a generate answer with the same status and JSON the upstream gives", async () => {
    const body = {
      image_request: { prompt: "a red bicycle", seed: 11, num_images: 2, aspect_ratio: "ASPECT_16_9" },
    };
    const emulator = { signingSecret: "same-secret" };
    const harness = createHarness({ emulator });
    const response = await harness.generate(body);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const direct = await directReply(body, { ...emulator, clock: harness.clock.now });
    expect(direct.status).toBe(200);
    expect(await response.json()).toEqual(direct.body);
    expect(harness.upstreamCalls()[0]?.body).toEqual(body);
  });

  it("sends exactly the validated body, to UPSTREAM_BASE_URL/generate", async () => {
    const harness = createHarness();
    await harness.generate(VALID_BODY);
    const [call] = harness.upstreamCalls();
    expect(call?.url).toBe(`${UPSTREAM_BASE_URL}/generate`);
    expect(call?.method).toBe("POST");
    expect(call?.body).toEqual(VALID_BODY);
    expect(call?.headers["content-type"]).toBe("application/json");
  });

  it("relays the 422 safety rejection in the worker's error shape, the upstream's message inside", async () => {
    const harness = createHarness();
    const body = { image_request: { prompt: "nsfw poster" } };
    const response = await harness.generate(body);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: {
        type: "upstream_error",
        message: SAFETY_REJECTION_MESSAGE,
        status: 422,
        request_id: response.headers.get("x-request-id"),
      },
    });
    expect((await directReply(body)).body).toEqual({ error: SAFETY_REJECTION_MESSAGE });
  });

  it("relays an upstream 429 with its Retry-After", async () => {
    const harness = createHarness({ emulator: { rateLimit: { requests: 1, perMs: 30_000 } } });
    expect((await harness.generate()).status).toBe(200);
    const response = await harness.generate();
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("30");
    expect(await errorOf(response)).toMatchObject({ type: "upstream_error", status: 429 });
  });

  it("relays an upstream 500 problem body with its status and detail, in the worker's error shape", async () => {
    const harness = createHarness();
    harness.upstream.faults.next(1, "500");
    const response = await harness.generate();
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const error = await errorOf(response);
    expect(error).toMatchObject({ type: "upstream_error", status: 500 });
    expect(error.message).not.toMatch(/^\{/);
  });

  it.each([502, 503] as const)(
    "keeps the status of an HTML %i page, with a JSON body of its own",
    async (status) => {
      const harness = createHarness();
      harness.upstream.faults.next(1, status);
      const response = await harness.generate();
      expect(response.status).toBe(status);
      expect(response.headers.get("content-type")).toMatch(/application\/json/);
      const error = await errorOf(response);
      expect(error.type).toBe("upstream_error");
      expect(error.request_id).toBe(response.headers.get("x-request-id"));
    },
  );

  it("passes the upstream's 401 through when a fresh key read gives the same key", async () => {
    const harness = createHarness({ emulator: { apiKey: "some-other-key" } });
    const response = await harness.generate();
    expect(response.status).toBe(401);
    expect(harness.upstreamCalls()).toHaveLength(1);
  });

  it.each(["malformed", "truncated"] as const)("answers a %s 200 with 502 bad_gateway", async (fault) => {
    const harness = createHarness();
    harness.upstream.faults.next(1, fault);
    const response = await harness.generate();
    expect(response.status).toBe(502);
    expect((await errorOf(response)).type).toBe("bad_gateway");
  });

  it("answers a dropped connection with 502 and a request id", async () => {
    const harness = createHarness();
    harness.upstream.faults.next(1, "reset");
    const response = await harness.generate();
    expect(response.status).toBe(502);
    const error = await errorOf(response);
    expect(error.type).toBe("upstream_unreachable");
    expect(error.request_id).toBe(response.headers.get("x-request-id"));
    expect(harness.logs).toContainEqual(expect.objectContaining({ event: "upstream_unreachable" }));
  });

  it("answers a hung upstream with 504 after UPSTREAM_TIMEOUT_MS and aborts the call", async () => {
    const harness = createHarness({ bindings: { UPSTREAM_TIMEOUT_MS: "30" } });
    harness.upstream.faults.next(1, "hang");
    const response = await harness.generate();
    expect(response.status).toBe(504);
    const error = await errorOf(response);
    expect(error.type).toBe("upstream_timeout");
    expect(error.request_id).toBe(response.headers.get("x-request-id"));
  });

  it("answers 502 when the upstream fetch itself throws", async () => {
    const harness = createHarness({ fetch: () => Promise.reject(new TypeError("Network connection lost.")) });
    const response = await harness.generate();
    expect(response.status).toBe(502);
  });

  it("does not follow upstream redirects, so the key stays with the upstream", async () => {
    const seen: string[] = [];
    const harness = createHarness({
      fetch: async (input, init) => {
        seen.push(String(input));
        expect(init?.redirect).toBe("manual");
        return new Response(null, { status: 307, headers: { location: "http://elsewhere.test/steal" } });
      },
    });
    const response = await harness.generate();
    expect(response.status).toBe(502);
    expect(seen).toEqual([`${UPSTREAM_BASE_URL}/generate`]);
  });

  it("strips hop-by-hop headers and renames the upstream request id", async () => {
    const direct = createEmulator({ apiKey: UPSTREAM_KEY });
    const harness = createHarness({
      fetch: async (input, init) => {
        const reply = await direct.fetch(input, init);
        const headers = new Headers(reply.headers);
        headers.set("connection", "x-private-hop");
        headers.set("x-private-hop", "1");
        headers.set("keep-alive", "timeout=5");
        headers.set("proxy-authenticate", "Basic");
        headers.set("upgrade", "h2c");
        headers.set("set-cookie", "session=upstream");
        return new Response(reply.body, { status: reply.status, headers });
      },
    });
    const response = await harness.generate();
    expect(response.status).toBe(200);
    for (const name of ["x-private-hop", "keep-alive", "proxy-authenticate", "upgrade", "set-cookie"]) {
      expect(response.headers.has(name)).toBe(false);
    }
    expect(response.headers.get("x-upstream-request-id")).toBe(direct.requests[0]?.id);
    expect(response.headers.get("x-request-id")).not.toBe(direct.requests[0]?.id);
  });

  it("redacts the key when an upstream echoes it in a body or a header", async () => {
    const echo = (status: number) => async (_input: RequestInfo | URL, init?: RequestInit) => {
      const authorization = new Headers(init?.headers).get("authorization") ?? "";
      const body =
        status === 200
          ? {
              created: "2025-01-01T00:00:00+00:00",
              data: [{ prompt: authorization, is_image_safe: false, url: null }],
            }
          : { error: { message: `bad key ${authorization}`, [UPSTREAM_KEY]: [UPSTREAM_KEY] } };
      return Response.json(body, {
        status,
        headers: { "x-debug-auth": authorization, "ratelimit-policy": authorization },
      });
    };
    for (const status of [200, 400, 403, 500]) {
      const harness = createHarness({ fetch: echo(status) });
      const response = await harness.generate();
      expect(response.status).toBe(status);
      const text = await response.text();
      expect(text).toContain("[redacted]");
      expect(text).not.toContain(UPSTREAM_KEY);
      expect(response.headers.has("x-debug-auth")).toBe(false);
      expect(response.headers.has("ratelimit-policy")).toBe(false);
    }
  });

  it.each([
    [
      "\\u escapes",
      (key: string) =>
        [...key].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`).join(""),
    ],
    ["escaped slashes (PHP's json_encode)", (key: string) => key.replaceAll("/", "\\/")],
  ])(
    "redacts a key that a 200 body writes with %s, in the answer, its image token and the cache",
    async (_, encode) => {
      const key = "sk/upstream+9c1f/77";
      const seeded = { image_request: { prompt: "a lighthouse", seed: 5 } };
      const harness = createHarness({
        bindings: { IDEOGRAM_API_KEY: key, IMAGE_SIGNING_SECRET: "image-secret-for-redaction-0123456789" },
        fetch: async () =>
          new Response(
            `{"created":"2025-01-01T00:00:00+00:00","data":[{"prompt":"sent ${encode(key)}",` +
              `"is_image_safe":true,"seed":5,"url":"http://upstream.test/images/a.png?k=${encode(key)}"}]}`,
            { headers: { "content-type": "application/json" } },
          ),
      });
      for (const expected of ["MISS", "HIT"]) {
        const response = await harness.generate(seeded);
        expect(response.status).toBe(200);
        expect(response.headers.get("x-ideokit-cache")).toBe(expected);
        const answer = (await response.json()) as { data: { prompt: string; url: string }[] };
        expect(JSON.stringify(answer)).not.toContain(key);
        expect(answer.data[0]?.prompt).toBe("sent [redacted]");
        const token = new URL(answer.data[0]!.url).pathname.split("/").at(-1)!;
        const payload = atob(token.split(".")[0]!.replaceAll("-", "+").replaceAll("_", "/"));
        expect(JSON.parse(payload).u).toBe("http://upstream.test/images/a.png?k=[redacted]");
      }
    },
  );

  it("relays no upstream header that would act on the worker's origin", async () => {
    const originWide = {
      "strict-transport-security": "max-age=63072000; includeSubDomains; preload",
      "clear-site-data": '"*"',
      nel: '{"report_to":"upstream","max_age":31536000}',
      "report-to": '{"group":"upstream","endpoints":[{"url":"https://upstream.example/r"}]}',
      "reporting-endpoints": 'upstream="https://upstream.example/r"',
      "alt-svc": 'h3=":443"; ma=86400',
      link: "<https://upstream.example/x.js>; rel=preload; as=script",
      refresh: "0; url=https://upstream.example/",
      "content-disposition": "attachment; filename=page.html",
      "content-security-policy": "default-src *",
      "permissions-policy": "camera=*",
      "set-login": "logged-in",
      location: "https://upstream.example/",
    };
    for (const status of [200, 400, 429, 500]) {
      const direct = createEmulator({ apiKey: UPSTREAM_KEY });
      const harness = createHarness({
        fetch: async (input, init) => {
          const reply = await direct.fetch(input, init);
          const headers = new Headers(reply.headers);
          for (const [name, value] of Object.entries(originWide)) headers.set(name, value);
          headers.set("retry-after", "7");
          headers.set("ratelimit-remaining", "3");
          const body = status === 200 ? reply.body : JSON.stringify({ error: "nope" });
          return new Response(body, { status, headers });
        },
      });
      const response = await harness.generate();
      expect(response.status).toBe(status);
      for (const name of Object.keys(originWide)) expect(response.headers.has(name)).toBe(false);
      expect(response.headers.get("retry-after")).toBe("7");
      expect(response.headers.get("ratelimit-remaining")).toBe("3");
    }
  });

  it.each(["text/html; profile=json", "text/html", "application/jsonp", "image/svg+xml; a=json"])(
    "answers as application/json whatever non-JSON content type the upstream names (%s)",
    async (contentType) => {
      for (const status of [200, 400]) {
        const direct = createEmulator({ apiKey: UPSTREAM_KEY });
        const harness = createHarness({
          fetch: async (input, init) => {
            const reply = await direct.fetch(input, init);
            const body = status === 200 ? await reply.text() : '{"error":"<script>alert(1)</script>"}';
            return new Response(body, { status, headers: { "content-type": contentType } });
          },
        });
        const response = await harness.generate();
        expect(response.status).toBe(status);
        expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      }
    },
  );
});
