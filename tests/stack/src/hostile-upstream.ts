// An upstream that misbehaves on purpose, for the worker fuzz: it echoes the key it is sent back in
// the shape a generate prompt names (header names, header values, encoded or split body text) and
// serves images with whatever Content-Type the image URL names (comma lists included).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** How the key comes back: where it goes and how it is written. */
export interface EchoShape {
  /** `header-name`: `x-<key>` and `ratelimit-<key>`; `header-value`: relayable headers; `body`: prompt and image URL. */
  place: "header-name" | "header-value" | "body";
  /** Characters written `%HH` (by index). */
  percent: number[];
  /** Characters upper-cased (by index). */
  upper: number[];
  /** Base64 of the key, alone or after `Bearer `, instead of the text forms. */
  base64: "none" | "plain" | "bearer" | "url";
  /** Offsets at which the body is cut into separately written chunks. */
  splits: number[];
  /** The status the upstream answers with. */
  status: 200 | 400 | 422 | 429 | 500;
  /** The Content-Type the image of a 200 is served with (a list, SVG, a raster type…). */
  imageType: string;
}

/** The prompt that asks the hostile upstream for `shape` (the worker forwards prompts as they are). */
export function echoPrompt(shape: EchoShape): string {
  return `echo ${Buffer.from(JSON.stringify(shape)).toString("base64url")}`;
}

/** The key written in `shape`'s form. */
export function writtenKey(key: string, shape: EchoShape): string {
  if (shape.base64 !== "none") {
    const text = shape.base64 === "bearer" ? `Bearer ${key}` : key;
    // No `=` padding: it may not stand in a header name, and the digits carry the key without it.
    return Buffer.from(text)
      .toString(shape.base64 === "url" ? "base64url" : "base64")
      .replace(/=+$/, "");
  }
  return [...key]
    .map((char, index) => {
      if (shape.percent.includes(index)) return `%${char.charCodeAt(0).toString(16).toUpperCase()}`;
      return shape.upper.includes(index) ? char.toUpperCase() : char;
    })
    .join("");
}

/** A running hostile upstream on loopback. */
export interface HostileUpstream {
  /** e.g. "http://127.0.0.1:41234/ideogram" (the worker's UPSTREAM_BASE_URL). */
  baseURL: string;
  /** `host:port`, for the worker's IMAGE_HOSTS. */
  host: string;
  close(): Promise<void>;
}

/** PNG signature and an IHDR chunk: enough bytes for a browser to sniff an image. */
const PNG_BYTES = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex");

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Writes `text` in chunks cut at `splits`, each flushed on its own. */
async function writeSplit(response: ServerResponse, text: string, splits: number[]): Promise<void> {
  const cuts = [...new Set(splits.filter((at) => at > 0 && at < text.length))].sort((a, b) => a - b);
  let from = 0;
  for (const at of [...cuts, text.length]) {
    response.write(text.slice(from, at));
    from = at;
    await new Promise((resolve) => setImmediate(resolve));
  }
  response.end();
}

/** Starts the hostile upstream; it echoes the credential it receives, whatever it is. */
export async function startHostileUpstream(): Promise<HostileUpstream> {
  let origin = "";
  const server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      // A fuzz case the upstream cannot even write: say so rather than leave the worker waiting.
      if (!response.headersSent) response.writeHead(599);
      response.end(String(error));
    });
  });
  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", origin);
    if (url.pathname.startsWith("/images/")) {
      response.writeHead(200, { "content-type": url.searchParams.get("type") ?? "" });
      response.end(request.method === "HEAD" ? undefined : PNG_BYTES);
      return;
    }
    const key = (request.headers.authorization ?? request.headers["api-key"] ?? "")
      .toString()
      .replace(/^Bearer /, "");
    const prompt = (JSON.parse(await bodyOf(request)) as { image_request?: { prompt?: string } })
      .image_request?.prompt;
    const encoded = /^echo (\S+)/.exec(prompt ?? "")?.[1];
    const shape: EchoShape = encoded
      ? JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"))
      : {
          place: "body",
          percent: [],
          upper: [],
          base64: "none",
          splits: [],
          status: 200,
          imageType: "image/png",
        };
    const echoed = writtenKey(key, shape);
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (shape.place === "header-name") {
      headers[`x-${echoed}`] = "1";
      headers[`ratelimit-${echoed}`] = "1";
    }
    if (shape.place === "header-value") {
      headers["ratelimit-policy"] = echoed;
      headers["x-request-id"] = echoed;
      headers["retry-after"] = `1 ${echoed}`;
    }
    const text =
      shape.status === 200
        ? JSON.stringify({
            created: "2025-01-01T00:00:00+00:00",
            data: [
              {
                prompt: `said ${echoed}`,
                is_image_safe: true,
                seed: 1,
                url: `${origin}/images/a.png?type=${encodeURIComponent(shape.imageType)}&k=${echoed}`,
              },
            ],
          })
        : JSON.stringify({ error: `bad ${echoed}`, echo: { authorization: `Bearer ${echoed}` } });
    response.writeHead(shape.status, headers);
    await writeSplit(response, text, shape.splits);
  };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    baseURL: `${origin}/ideogram`,
    host: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
