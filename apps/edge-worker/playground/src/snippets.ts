import type { RequestDraft } from "./form-values.ts";

/** Where the snippets send the request, and whether the caller needs a client token there. */
export interface SnippetTarget {
  /** The page's origin, e.g. "https://images.example.com"; the worker serves /ideogram on it. */
  origin: string;
  /** Whether to send `Authorization: Bearer $IDEOKIT_TOKEN` (never the token itself). */
  withToken: boolean;
}

/** The operation a snippet calls: its client method id, path and how its body travels. */
export interface SnippetOperation {
  id: string;
  path: string;
  envelope?: string;
  /** Whether the body is multipart (it takes files). */
  multipart: boolean;
}

/** Shell variable (or constant) name the snippets use in place of the client token. */
export const TOKEN_PLACEHOLDER = "IDEOKIT_TOKEN";

/** Quotes text for POSIX shells: inside single quotes nothing expands, and `'` becomes `'\''`. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

function fileName(field: string, index: number): string {
  return `${field}${index === 0 ? "" : `-${index + 1}`}.png`;
}

/** A curl command for the worker's route of the operation, with a token placeholder; files as `@name.png`. */
export function curlSnippet(
  op: SnippetOperation,
  request: RequestDraft,
  { origin, withToken }: SnippetTarget,
): string {
  const url = `curl ${shellQuote(`${origin}/ideogram${op.path}`)}`;
  const auth = withToken ? [`-H "Authorization: Bearer $${TOKEN_PLACEHOLDER}"`] : [];
  const head = [url, ...auth];
  if (!op.multipart) {
    const body = op.envelope === undefined ? request : { [op.envelope]: request };
    const json = `-H ${shellQuote("Content-Type: application/json")}`;
    return [url, json, ...auth, `-d ${shellQuote(JSON.stringify(body, null, 2))}`].join(" \\\n  ");
  }
  const parts = Object.entries(request).flatMap(([name, value]) => {
    const items = Array.isArray(value) ? value : [value];
    return items.map((item, index) =>
      item instanceof Blob
        ? `-F ${shellQuote(`${name}=@${fileName(name, index)}`)}`
        : `-F ${shellQuote(`${name}=${typeof item === "object" ? JSON.stringify(item) : String(item)}`)}`,
    );
  });
  return [...head, ...parts].join(" \\\n  ");
}

/** The same call from a web page with @ideokit/browser; files come from the page's file inputs. */
export function browserSnippet(
  op: SnippetOperation,
  request: RequestDraft,
  { origin, withToken }: SnippetTarget,
): string {
  const options = [`baseURL: ${JSON.stringify(`${origin}/ideogram`)}`];
  if (withToken) options.push(`token: ${TOKEN_PLACEHOLDER}`);
  const files = Object.keys(request).filter((name) => hasFile(request[name]));
  return [
    `import { Ideogram } from "@ideokit/browser";`,
    "",
    ...(withToken
      ? [`declare const ${TOKEN_PLACEHOLDER}: string; // your client token, never the Ideogram key`]
      : []),
    ...files.map((name) => `declare const ${camel(name)}: File; // from an <input type="file">`),
    `const client = new Ideogram({ ${options.join(", ")} });`,
    `const answer = await client.${op.id}(${jsLiteral(request, 0, (name) => camel(name))});`,
    "console.log(answer);",
  ].join("\n");
}

/** The same call from Node with @ideokit/node; files are read from paths, the token from IDEOKIT_TOKEN. */
export function nodeSnippet(
  op: SnippetOperation,
  request: RequestDraft,
  { origin, withToken }: SnippetTarget,
): string {
  const baseURL = JSON.stringify(`${origin}/ideogram`);
  const setup = withToken
    ? [
        `const token = process.env.${TOKEN_PLACEHOLDER};`,
        `if (!token) throw new Error("Set ${TOKEN_PLACEHOLDER} to your worker client token.");`,
        `const client = new Ideogram({ baseURL: ${baseURL}, apiKey: token });`,
      ]
    : [`const client = new Ideogram({ baseURL: ${baseURL}, auth: "none" });`];
  return [
    `import { Ideogram } from "@ideokit/node";`,
    "",
    ...setup,
    `const answer = await client.${op.id}(${jsLiteral(request, 0, (name, index) => JSON.stringify(`./${fileName(name, index)}`))});`,
    "console.log(answer);",
    "await client.close();",
  ].join("\n");
}

function hasFile(value: unknown): boolean {
  return value instanceof Blob || (Array.isArray(value) && value.some((item) => item instanceof Blob));
}

function camel(name: string): string {
  return name.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase());
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A value as JavaScript source, like JSON with unquoted keys and trailing commas, indented by
 * `depth`; a file becomes `file(field, index)` (a variable or a path).
 */
export function jsLiteral(
  value: unknown,
  depth = 0,
  file: (field: string, index: number) => string = (field) => field,
  field = "",
  index = 0,
): string {
  if (typeof Blob !== "undefined" && value instanceof Blob) return file(field, index);
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const entries = Array.isArray(value)
    ? value.map((item, position) => jsLiteral(item, depth + 1, file, field, position))
    : Object.entries(value).map(
        ([key, item]) =>
          `${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${jsLiteral(item, depth + 1, file, key)}`,
      );
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) return open + close;
  const indent = "  ".repeat(depth + 1);
  return `${open}\n${entries.map((entry) => `${indent}${entry},`).join("\n")}\n${"  ".repeat(depth)}${close}`;
}
