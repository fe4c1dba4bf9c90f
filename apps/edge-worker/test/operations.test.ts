import { exports } from "cloudflare:workers";
import {
  bodyKindsOf,
  exampleInput,
  examplePng,
  type Field,
  MAX_IMAGE_BYTES,
  OPERATIONS,
  type TableOperation,
} from "@ideokit/core";
import { exposesSecret } from "@ideokit/testing";
import type { SpecError } from "@ideokit/testing/spec";
import { describe, expect, it } from "vitest";
import { formLimitOf, MAX_BODY_BYTES } from "../src/middleware/body-guard.ts";
import {
  CLIENT_TOKEN,
  createHarness,
  errorOf,
  type Harness,
  UPSTREAM_KEY,
  WORKER,
} from "./support/harness.ts";
import { hostile, IMAGE_SIGNING_SECRET } from "./support/hostile.ts";

// Every operation of core's table through the same cases, from its own data: a new table entry is
// served, and tested, by being added.

const operations = (OPERATIONS as readonly TableOperation[]).map(
  (operation) => [operation.id, operation] as const,
);
const clientTarget = { baseURL: `${WORKER}/ideogram`, auth: "bearer", apiKey: CLIENT_TOKEN } as const;
const isFile = (field: Field | undefined) => field?.kind === "file" || field?.kind === "file-list";

/** A client's request for `input`, built by core as the browser client builds it (the worker token as its key). */
function clientCall(
  harness: Harness,
  operation: TableOperation,
  input: Record<string, unknown>,
  headers = {},
) {
  const built = operation.build(input as never, clientTarget);
  return harness.call(built.url, {
    method: "POST",
    headers: { ...built.headers, ...headers },
    body: built.body,
  });
}

function callsTo(harness: Harness, operation: TableOperation) {
  return harness.upstream.requests.filter((request) => request.path === `/ideogram${operation.path}`);
}

/** Where the client wrote `field`: inside the envelope unless it is a file. */
function sentPath(operation: TableOperation, field: string): string {
  return operation.envelope !== undefined && !isFile(operation.fields[field])
    ? `${operation.envelope}.${field}`
    : field;
}

/** A field and a value core must refuse for it (an enum's unknown value, an integer past its range, a blank text). */
function invalidField(operation: TableOperation): [string, unknown] {
  for (const name of operation.fieldNames) {
    const field = operation.fields[name]!;
    if (field.kind === "enum") return [name, "NOT_A_VALUE"];
    if (field.kind === "integer" && field.max !== undefined) return [name, field.max + 1];
    if (field.kind === "string" && field.notBlank) return [name, "   "];
  }
  throw new Error(`${operation.id} has no field to make invalid`);
}

const firstFileField = (operation: TableOperation) =>
  operation.fieldNames.find((name) => isFile(operation.fields[name]));

describe.each(operations)("POST /ideogram{path} of %s", (_, operation) => {
  const kinds = bodyKindsOf(operation);
  const fileField = firstFileField(operation);

  it.each(["minimal", "full"] as const)(
    "forwards a valid %s request with the upstream key and answers core's shape",
    async (variant) => {
      const harness = createHarness();
      const response = await clientCall(harness, operation, exampleInput(operation, variant));
      const text = await response.text();
      expect(response.status, text).toBe(200);
      expect(operation.safeParse(JSON.parse(text)).success).toBe(true);
      const calls = callsTo(harness, operation);
      expect(calls).toHaveLength(1);
      expect(calls[0]?.headers.authorization).toBe(`Bearer ${UPSTREAM_KEY}`);
      expect(JSON.stringify(calls[0])).not.toContain(CLIENT_TOKEN);
      expect(text).not.toContain(UPSTREAM_KEY);
      expect(JSON.stringify([...response.headers])).not.toContain(UPSTREAM_KEY);
    },
  );

  it("answers an invalid field with 400 naming it, sending nothing", async () => {
    const harness = createHarness();
    const [field, value] = invalidField(operation);
    const response = await clientCall(harness, operation, {
      ...exampleInput(operation, "minimal"),
      [field]: value,
    });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.type).toBe("invalid_request");
    expect(error.issues?.map((issue) => issue.path.join("."))).toContain(sentPath(operation, field));
    expect(harness.upstream.requests).toHaveLength(0);
  });

  it("answers a body of another content type with 415, sending nothing", async () => {
    const harness = createHarness();
    const send = (contentType: string, body: string) =>
      harness.call(`/ideogram${operation.path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${CLIENT_TOKEN}`, "content-type": contentType },
        body,
      });
    expect((await send("text/plain", "prompt=x")).status).toBe(415);
    if (!kinds.includes("json")) expect((await send("application/json", "{}")).status).toBe(415);
    if (!kinds.includes("multipart")) {
      const response = await send("multipart/form-data; boundary=x", "--x--\r\n");
      expect(response.status).toBe(415);
      expect((await errorOf(response)).message).toContain("application/json");
    }
    expect(harness.upstream.requests).toHaveLength(0);
  });

  it("answers a declared length past the operation's limit with 413, unread, sending nothing", async () => {
    const harness = createHarness();
    const limit = kinds.includes("multipart") ? formLimitOf(operation) : MAX_BODY_BYTES;
    const contentType = kinds.includes("multipart") ? "multipart/form-data; boundary=x" : "application/json";
    const response = await harness.call(`/ideogram${operation.path}`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${CLIENT_TOKEN}`,
        "content-type": contentType,
        "content-length": String(limit + 1),
      },
      body: "--x--\r\n",
    });
    expect(response.status).toBe(413);
    expect((await errorOf(response)).type).toBe("payload_too_large");
    expect(harness.upstream.requests).toHaveLength(0);
  });

  it.runIf(fileField !== undefined)(
    "answers a file that is no image with 400 naming its field; it never reaches the upstream",
    async () => {
      const harness = createHarness();
      const field = fileField!;
      const bad = new Blob(["<svg xmlns='http://www.w3.org/2000/svg'/>"], { type: "image/png" });
      const value = operation.fields[field]?.kind === "file-list" ? [bad] : bad;
      const response = await clientCall(harness, operation, {
        ...exampleInput(operation, "minimal"),
        [field]: value,
      });
      expect(response.status).toBe(400);
      const error = await errorOf(response);
      expect(error.issues?.map((issue) => String(issue.path[0]))).toContain(field);
      expect(harness.upstream.requests).toHaveLength(0);
    },
  );

  it.runIf(fileField !== undefined)(
    "answers an image over the per-file limit with 413 naming its field",
    { timeout: 60_000 },
    async () => {
      const harness = createHarness();
      const field = fileField!;
      const png = examplePng();
      const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
      big.set(png);
      const file = new Blob([big], { type: "image/png" });
      const value = operation.fields[field]?.kind === "file-list" ? [file] : file;
      const response = await clientCall(harness, operation, {
        ...exampleInput(operation, "minimal"),
        [field]: value,
      });
      expect(response.status).toBe(413);
      const error = (await response.json()) as { error: { issues: { path: (string | number)[] }[] } };
      expect(error.error.issues.map((issue) => String(issue.path[0]))).toContain(field);
      expect(harness.upstream.requests).toHaveLength(0);
    },
  );

  it("never echoes the key an upstream echoes back, in any form, body or header", async () => {
    const encoded = encodeURIComponent(UPSTREAM_KEY.toUpperCase());
    const echo = async () =>
      new Response(
        JSON.stringify({
          error: `key ${UPSTREAM_KEY} rejected`,
          api_key: btoa(UPSTREAM_KEY),
          url: `https://x.test/?k=${encoded}`,
        }),
        {
          status: 400,
          headers: {
            "content-type": "application/json",
            [`x-${UPSTREAM_KEY}`]: "1",
            "retry-after": UPSTREAM_KEY,
          },
        },
      );
    const harness = hostile(echo);
    const response = await clientCall(harness, operation, exampleInput(operation, "full"));
    expect(response.status).toBe(400);
    expect((await errorOf(response.clone())).type).toBe("upstream_error");
    const seen = `${await response.text()}\n${JSON.stringify([...response.headers])}\n${JSON.stringify(harness.logs)}`;
    expect(exposesSecret(seen, UPSTREAM_KEY)).toBe(false);
  });

  it.runIf(operation.response !== "descriptions" && operation.response !== "magic-prompt")(
    "rewrites every image URL of the answer to the signed image proxy",
    async () => {
      const harness = createHarness({ bindings: { IMAGE_SIGNING_SECRET } });
      const response = await clientCall(harness, operation, exampleInput(operation, "full"));
      expect(response.status).toBe(200);
      const text = await response.text();
      const urls = [...text.matchAll(/"(https?:\/\/[^"]+)"/g)].map((match) => match[1]!);
      expect(urls.length).toBeGreaterThan(0);
      for (const url of urls) expect(url.startsWith(`${WORKER}/ideogram/images/`), url).toBe(true);
    },
  );
});

describe("multipart bodies: counted bytes, a deadline, malformed forms", () => {
  const describeOperation = OPERATIONS.find((operation) => operation.id === "describe") as TableOperation;

  it("answers a form one byte past the operation's limit with 413, sending nothing", {
    timeout: 120_000,
  }, async () => {
    const harness = createHarness();
    const form = describeOperation.build(exampleInput(describeOperation, "minimal") as never, clientTarget)
      .body as FormData;
    form.append("padding", new Blob([new Uint8Array(formLimitOf(describeOperation) + 1)]), "padding.bin");
    const response = await harness.call(`/ideogram${describeOperation.path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${CLIENT_TOKEN}` },
      body: form,
    });
    expect(response.status).toBe(413);
    expect(harness.upstream.requests).toHaveLength(0);
  });

  it("gives a multipart body a deadline too: a form that trickles in gets 408, sending nothing", async () => {
    const harness = createHarness({ bindings: { REQUEST_BODY_TIMEOUT_MS: "200" } });
    const head = new TextEncoder().encode(
      '--b\r\nContent-Disposition: form-data; name="image_file"; filename="a.png"\r\n\r\n',
    );
    let sent = false;
    const trickle = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(head);
        } else await new Promise(() => {});
      },
    });
    const response = await harness.call(`/ideogram${describeOperation.path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${CLIENT_TOKEN}`, "content-type": "multipart/form-data; boundary=b" },
      body: trickle,
      // @ts-expect-error workerd's RequestInit needs duplex for a streamed body in some runtimes
      duplex: "half",
    });
    expect(response.status).toBe(408);
    expect((await errorOf(response)).type).toBe("request_timeout");
    expect(harness.upstream.requests).toHaveLength(0);
  });

  it("answers a form that does not parse with 400, sending nothing", async () => {
    const harness = createHarness();
    const response = await harness.call(`/ideogram${describeOperation.path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${CLIENT_TOKEN}`, "content-type": "multipart/form-data; boundary=b" },
      body: "--b\r\nno headers, no end",
    });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).type).toBe("invalid_request");
    expect(harness.upstream.requests).toHaveLength(0);
  });

  it("sizes each operation's limit from its files: 11 MiB for one image, 25 MiB with reference images", () => {
    const limitOf = (id: string) =>
      formLimitOf(OPERATIONS.find((operation) => operation.id === id) as TableOperation);
    expect(limitOf("describe")).toBe(11 * 1024 * 1024);
    expect(limitOf("v3.generate")).toBe(25 * 1024 * 1024);
  });
});

describe("the upstream sees only spec-valid requests (the deployed entry, checked in Node with @ideokit/testing/spec)", () => {
  it.each(operations)("%s", async (_, operation) => {
    for (const variant of ["minimal", "full"] as const) {
      const requestId = `spec-${operation.id.replaceAll(".", "-")}-${variant}`;
      const built = operation.build(exampleInput(operation, variant) as never, {
        ...clientTarget,
        apiKey: "entry-client-token",
        headers: { "x-request-id": requestId },
      });
      const response = await exports.default.fetch(built.url, {
        method: "POST",
        headers: built.headers,
        body: built.body,
      });
      expect(response.status, await response.text()).toBe(200);
      const checks = (await (await fetch("http://upstream.test/__spec")).json()) as {
        requestId: string;
        path: string;
        errors: SpecError[];
      }[];
      const mine = checks.filter((check) => check.requestId === requestId);
      expect(mine).toHaveLength(1);
      expect(mine[0]?.path).toBe(`/ideogram${operation.path}`);
      expect(mine[0]?.errors).toEqual([]);
    }
  });
});

describe("the generation cache across operations", () => {
  const v3 = OPERATIONS.find((operation) => operation.id === "v3.generate") as TableOperation;
  const seeded = (image: Uint8Array) => ({
    prompt: "a lighthouse",
    seed: 5,
    style_reference_images: [new Blob([image as Uint8Array<ArrayBuffer>], { type: "image/png" })],
  });

  it("keys a seeded upload by its bytes: the same bytes hit, other bytes miss", async () => {
    const harness = createHarness();
    const first = await clientCall(harness, v3, seeded(examplePng(4, 4)));
    expect(first.headers.get("x-ideokit-cache")).toBe("MISS");
    await harness.settle();
    const same = await clientCall(harness, v3, seeded(examplePng(4, 4)));
    expect(same.status).toBe(200);
    expect(same.headers.get("x-ideokit-cache")).toBe("HIT");
    const other = await clientCall(harness, v3, seeded(examplePng(6, 6)));
    expect(other.headers.get("x-ideokit-cache")).toBe("MISS");
    expect(callsTo(harness, v3)).toHaveLength(2);
  });

  it("does not cache a request without a seed", async () => {
    const harness = createHarness();
    const { seed: _, ...unseeded } = seeded(examplePng());
    await clientCall(harness, v3, unseeded);
    await harness.settle();
    const again = await clientCall(harness, v3, unseeded);
    expect(again.headers.get("x-ideokit-cache")).toBe("BYPASS");
    expect(callsTo(harness, v3)).toHaveLength(2);
  });
});

describe("identical requests in flight share one upstream call", () => {
  it("answers every waiting caller from the one call", async () => {
    const callers = 5;
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let upstreamCalls = 0;
    // The upstream holds its answer until every other caller has joined the call in flight (or,
    // were they not coalesced, until a second call arrives): no timing is assumed either way.
    const harness = hostile(async (h, input, init) => {
      if (++upstreamCalls > 1) release();
      await released;
      return h.upstream.fetch(input, init);
    });
    const joined = () => harness.logs.filter((line) => line.event === "upstream_call_joined").length;
    const body = { image_request: { prompt: "a lighthouse at dusk", seed: 11 } };
    const answers = Array.from({ length: callers }, () => harness.generate(body));
    while (joined() < callers - 1 && upstreamCalls < 2)
      await new Promise((resolve) => setTimeout(resolve, 1));
    release();
    const responses = await Promise.all(answers);
    expect(upstreamCalls).toBe(1);
    const texts = await Promise.all(responses.map((response) => response.text()));
    for (const response of responses) expect(response.status).toBe(200);
    expect(new Set(texts).size).toBe(1);
    expect(responses.map((response) => response.headers.get("x-ideokit-cache")).sort()).toEqual([
      ...Array<string>(callers - 1).fill("HIT"),
      "MISS",
    ]);
    expect(new Set(responses.map((response) => response.headers.get("x-request-id"))).size).toBe(callers);
  });

  it("does not share calls of requests without a seed", async () => {
    const harness = createHarness();
    const body = { image_request: { prompt: "a lighthouse at dusk" } };
    await Promise.all([harness.generate(body), harness.generate(body)]);
    expect(harness.upstreamCalls()).toHaveLength(2);
  });
});
