import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { RequestDraft } from "../src/form-values.ts";
import {
  browserSnippet,
  curlSnippet,
  jsLiteral,
  nodeSnippet,
  shellQuote,
  TOKEN_PLACEHOLDER,
} from "../src/snippets.ts";

const origin = "https://images.example.com";
const awkward = `it's a "quoted" $HOME \`uname\` $(id) back\\slash !bang\nnew line ünïcødé 🎨`;
const request: RequestDraft = {
  prompt: awkward,
  aspect_ratio: "ASPECT_16_9",
  seed: 7,
  color_palette: { members: [{ color_hex: "#ff0000", color_weight: 0.5 }, { color_hex: "#00f" }] },
};

/**
 * Runs `command` in a real POSIX shell where `curl` is a function printing its arguments, so the
 * test sees exactly what curl would receive after quoting and expansion.
 */
function curlArguments(command: string, env: Record<string, string> = {}): string[] {
  const output = execFileSync("sh", ["-c", `curl() { printf '%s\\0' "$@"; }\n${command}`], {
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...env },
    encoding: "utf8",
  });
  return output.split("\0").slice(0, -1);
}

const generateOp = { id: "generate", path: "/generate", envelope: "image_request", multipart: false };

describe("shellQuote", () => {
  it("survives a shell unchanged, whatever the text holds", () => {
    const samples = ["", "plain", "'", "''", "a'b'c", awkward, "$IDEOKIT_TOKEN", "\\'", "-d @/etc/passwd"];
    const output = execFileSync(
      "sh",
      ["-c", samples.map((text) => `printf '%s\\0' ${shellQuote(text)}`).join("\n")],
      {
        encoding: "utf8",
      },
    );
    expect(output.split("\0").slice(0, -1)).toEqual(samples);
  });
});

describe("curlSnippet", () => {
  it("posts the request to the page origin's /ideogram/generate, prompt intact", () => {
    const args = curlArguments(curlSnippet(generateOp, request, { origin, withToken: false }));
    expect(args).toEqual([
      `${origin}/ideogram/generate`,
      "-H",
      "Content-Type: application/json",
      "-d",
      expect.any(String),
    ]);
    expect(JSON.parse(args[4]!)).toEqual({ image_request: request });
  });

  it("takes the token from $IDEOKIT_TOKEN at run time instead of containing it", () => {
    const command = curlSnippet(generateOp, request, { origin, withToken: true });
    expect(command).toContain(`$${TOKEN_PLACEHOLDER}`);
    const args = curlArguments(command, { [TOKEN_PLACEHOLDER]: "tok-from-the-shell" });
    expect(args.slice(0, 5)).toEqual([
      `${origin}/ideogram/generate`,
      "-H",
      "Content-Type: application/json",
      "-H",
      "Authorization: Bearer tok-from-the-shell",
    ]);
    expect(JSON.parse(args.at(-1)!)).toEqual({ image_request: request });
  });

  it("keeps an origin with a port and a prompt made only of quotes intact", () => {
    const quotes: RequestDraft = { prompt: `'"'"''` };
    const args = curlArguments(
      curlSnippet(generateOp, quotes, { origin: "http://127.0.0.1:8787", withToken: false }),
    );
    expect(args[0]).toBe("http://127.0.0.1:8787/ideogram/generate");
    expect(JSON.parse(args.at(-1)!)).toEqual({ image_request: quotes });
  });
});

describe("jsLiteral", () => {
  it("evaluates back to the same value", () => {
    const value = { ...request, "odd-key": [1, [], {}, null, true, "x"] };
    expect(new Function(`return (${jsLiteral(value)});`)()).toEqual(value);
  });

  it("reads like hand-written code: bare keys, two-space indent, trailing commas", () => {
    expect(jsLiteral({ prompt: "a", members: [{ color_hex: "#fff" }] })).toBe(
      [
        "{",
        '  prompt: "a",',
        "  members: [",
        "    {",
        '      color_hex: "#fff",',
        "    },",
        "  ],",
        "}",
      ].join("\n"),
    );
  });
});

describe("client snippets", () => {
  it("call the worker on this origin with the request as a literal", () => {
    for (const snippet of [browserSnippet, nodeSnippet]) {
      const code = snippet(generateOp, request, { origin, withToken: false });
      expect(code).toContain(`baseURL: "${origin}/ideogram"`);
      expect(code).toContain(`client.generate(${jsLiteral(request)})`);
      expect(code).not.toContain(TOKEN_PLACEHOLDER);
    }
    expect(browserSnippet(generateOp, request, { origin, withToken: false })).toMatch(
      /^import \{ Ideogram \} from "@ideokit\/browser";/,
    );
    expect(nodeSnippet(generateOp, request, { origin, withToken: false })).toMatch(
      /^import \{ Ideogram \} from "@ideokit\/node";/,
    );
  });

  it("name the token by placeholder only: a declared constant in the page, the environment in Node", () => {
    expect(browserSnippet(generateOp, request, { origin, withToken: true })).toContain(
      `token: ${TOKEN_PLACEHOLDER} `,
    );
    const node = nodeSnippet(generateOp, request, { origin, withToken: true });
    expect(node).toContain(`const token = process.env.${TOKEN_PLACEHOLDER};`);
    expect(node).toContain("apiKey: token");
    expect(node).toContain(`Set ${TOKEN_PLACEHOLDER}`);
    expect(nodeSnippet(generateOp, request, { origin, withToken: false })).toContain('auth: "none"');
  });
});
