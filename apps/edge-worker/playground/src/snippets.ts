import type { RequestDraft } from "./form-values.ts";

/** Where the snippets send the request, and whether the caller needs a client token there. */
export interface SnippetTarget {
  /** The page's origin, e.g. "https://images.example.com"; the worker serves /ideogram on it. */
  origin: string;
  /** Whether to send `Authorization: Bearer $IDEOKIT_TOKEN` (never the token itself). */
  withToken: boolean;
}

/** Shell variable (or constant) name the snippets use in place of the client token. */
export const TOKEN_PLACEHOLDER = "IDEOKIT_TOKEN";

/** Quotes text for POSIX shells: inside single quotes nothing expands, and `'` becomes `'\''`. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** A curl command for the worker's /ideogram/generate on the page's origin, with a token placeholder. */
export function curlSnippet(request: RequestDraft, { origin, withToken }: SnippetTarget): string {
  const lines = [
    `curl ${shellQuote(`${origin}/ideogram/generate`)}`,
    `-H ${shellQuote("Content-Type: application/json")}`,
    ...(withToken ? [`-H "Authorization: Bearer $${TOKEN_PLACEHOLDER}"`] : []),
    `-d ${shellQuote(JSON.stringify({ image_request: request }, null, 2))}`,
  ];
  return lines.join(" \\\n  ");
}

/** The same call from a web page with @ideokit/browser. */
export function browserSnippet(request: RequestDraft, { origin, withToken }: SnippetTarget): string {
  const options = [`baseURL: ${JSON.stringify(`${origin}/ideogram`)}`];
  if (withToken) options.push(`token: ${TOKEN_PLACEHOLDER}`);
  return [
    `import { Ideogram } from "@ideokit/browser";`,
    "",
    ...(withToken
      ? [`declare const ${TOKEN_PLACEHOLDER}: string; // your client token, never the Ideogram key`]
      : []),
    `const client = new Ideogram({ ${options.join(", ")} });`,
    `const { data } = await client.generate(${jsLiteral(request)});`,
    "console.log(data.map((image) => image.url));",
  ].join("\n");
}

/** The same call from Node with @ideokit/node, saving the images to ./out. */
export function nodeSnippet(request: RequestDraft, { origin, withToken }: SnippetTarget): string {
  const credential = withToken ? `apiKey: process.env.${TOKEN_PLACEHOLDER}` : `auth: "none"`;
  return [
    `import { Ideogram } from "@ideokit/node";`,
    "",
    `const client = new Ideogram({ baseURL: ${JSON.stringify(`${origin}/ideogram`)}, ${credential} });`,
    `const response = await client.generate(${jsLiteral(request)});`,
    `const { paths } = await client.saveImages(response, "./out");`,
    "console.log(paths);",
    "await client.close();",
  ].join("\n");
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A value as JavaScript source, like JSON with unquoted keys and trailing commas, indented by `depth`. */
export function jsLiteral(value: unknown, depth = 0): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const entries = Array.isArray(value)
    ? value.map((item) => jsLiteral(item, depth + 1))
    : Object.entries(value).map(
        ([key, item]) => `${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${jsLiteral(item, depth + 1)}`,
      );
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) return open + close;
  const indent = "  ".repeat(depth + 1);
  return `${open}\n${entries.map((entry) => `${indent}${entry},`).join("\n")}\n${"  ".repeat(depth)}${close}`;
}
