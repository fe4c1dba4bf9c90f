const REDACTED = "[redacted]";

/**
 * Secrets shorter than this are not redacted: a one-letter token would cut every word it occurs in
 * (`<html>` → `<h[redacted]ml>`), and a key that short protects nothing anyway.
 */
export const MIN_SECRET_LENGTH = 8;

/**
 * Field names whose values are credentials whatever they hold, compared lower-cased without `-`
 * and `_` (so `API-Key`, `api_key` and `apiKey` are one name).
 */
const CREDENTIAL_FIELDS = new Set(["authorization", "apikey", "xapikey", "token"]);

/** Text as a matcher sees it: each character, and the span of the source it was decoded from. */
interface View {
  text: string;
  starts: number[];
  ends: number[];
}

/** [start, end) of the source text. */
type Span = readonly [number, number];

function identity(text: string): View {
  const starts = Array.from({ length: text.length }, (_, index) => index);
  return { text, starts, ends: starts.map((index) => index + 1) };
}

const ESCAPE = /%([0-9a-f]{2})|\\u([0-9a-f]{4})/iy;

/**
 * One level of decoding: `%HH` (ASCII only: a key is ASCII, and multi-byte UTF-8 would need
 * sequences) and `\uHHHH` become the character they stand for; everything else stays.
 */
function decodeOnce(view: View): View {
  const decoded: View = { text: "", starts: [], ends: [] };
  const chars: string[] = [];
  let index = 0;
  while (index < view.text.length) {
    ESCAPE.lastIndex = index;
    const match = ESCAPE.exec(view.text);
    const code = match ? Number.parseInt(match[1] ?? match[2] ?? "", 16) : undefined;
    const length =
      match && code !== undefined && (match[2] !== undefined || code < 0x80) ? match[0].length : 1;
    chars.push(length === 1 ? view.text[index]! : String.fromCharCode(code!));
    decoded.starts.push(view.starts[index]!);
    decoded.ends.push(view.ends[index + length - 1]!);
    index += length;
  }
  decoded.text = chars.join("");
  return decoded;
}

/** ASCII-only lower-casing, which keeps every character's position (full Unicode folding does not). */
function foldCase(text: string): string {
  return text.replace(/[A-Z]/g, (char) => char.toLowerCase());
}

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
    found.push(at);
  }
  return found;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** UTF-8 bytes of a string (core has no TextEncoder in its lib: it runs where there may be none). */
function utf8(text: string): number[] {
  return encodeURIComponent(text)
    .split(/(%[0-9A-F]{2})/)
    .flatMap((part) =>
      part.startsWith("%")
        ? [Number.parseInt(part.slice(1), 16)]
        : [...part].map((char) => char.charCodeAt(0)),
    );
}

/** Padded base64 of bytes. */
function base64(bytes: readonly number[]): string {
  let encoded = "";
  for (let index = 0; index < bytes.length; index += 3) {
    const [a = 0, b = 0, c = 0] = bytes.slice(index, index + 3);
    const group = (a << 16) | (b << 8) | c;
    const chars = [18, 12, 6, 0].map((shift) => BASE64[(group >> shift) & 63]);
    const kept = Math.min(4, bytes.length - index + 1);
    encoded += chars.slice(0, kept).join("") + "=".repeat(4 - kept);
  }
  return encoded;
}

/**
 * The base64 (and base64url) characters that depend on the secret's bytes alone, for each of the
 * three alignments it can have inside a longer encoded text (alone, after `Bearer `, inside JSON…).
 */
function base64Cores(secret: string): string[] {
  let bytes: number[];
  try {
    bytes = utf8(secret);
  } catch {
    // A lone surrogate has no UTF-8 form, so no base64 form to look for either.
    return [];
  }
  const cores = new Set<string>();
  for (const offset of [0, 1, 2]) {
    const encoded = base64([...new Array<number>(offset).fill(0), ...bytes]);
    const first = Math.ceil((8 * offset) / 6);
    const last = Math.floor((8 * (offset + bytes.length)) / 6);
    const core = encoded.slice(first, last);
    cores.add(core);
    cores.add(core.replaceAll("+", "-").replaceAll("/", "_"));
  }
  return [...cores];
}

/** Where `secret` occurs in `text`: as it is or in any letter case, percent- or `\u`-encoded (once or twice), or base64-encoded. */
function secretSpans(text: string, secret: string, views: View[]): Span[] {
  const spans: Span[] = [];
  const folded = foldCase(secret);
  for (const view of views) {
    const haystack = foldCase(view.text);
    for (const at of occurrences(haystack, folded)) {
      spans.push([view.starts[at]!, view.ends[at + folded.length - 1]!]);
    }
  }
  for (const core of base64Cores(secret)) {
    for (const at of occurrences(text, core)) spans.push([at, at + core.length]);
  }
  return spans;
}

/** Overlapping or touching spans merged, in order. */
function merge(spans: Span[]): Span[] {
  const merged: [number, number][] = [];
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    const previous = merged.at(-1);
    if (previous && start <= previous[1]) previous[1] = Math.max(previous[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * Replaces every occurrence of each secret of at least {@link MIN_SECRET_LENGTH} characters in
 * `text` with "[redacted]": as it is, in any letter case, percent-encoded (also twice, also inside a
 * URL), as JSON `\u` escapes, and base64- or base64url-encoded alone or inside a longer encoded
 * text (`Bearer <key>`, a JSON document). Shorter secrets are left alone.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const usable = secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH);
  if (usable.length === 0 || text === "") return text;
  const raw = identity(text);
  const once = decodeOnce(raw);
  const views = [raw, once, decodeOnce(once)];
  const spans = merge(usable.flatMap((secret) => secretSpans(text, secret, views)));
  if (spans.length === 0) return text;
  let result = "";
  let cursor = 0;
  for (const [start, end] of spans) {
    result += `${text.slice(cursor, start)}${REDACTED}`;
    cursor = end;
  }
  return result + text.slice(cursor);
}

function isCredentialField(name: string): boolean {
  return CREDENTIAL_FIELDS.has(name.toLowerCase().replaceAll(/[-_]/g, ""));
}

/**
 * Redacts secrets in every string (and key) of a JSON-like value, and replaces the value of any
 * credential-named field (`authorization`, `api-key`, `api_key`, `x-api-key`, `token`, any case)
 * even when no secret is given: an echoed header is a credential whoever's it is. Returns a copy.
 */
export function redactDeep(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === "string") return redactSecrets(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets));
  if (typeof value === "object" && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[redactSecrets(key, secrets)] = isCredentialField(key) ? REDACTED : redactDeep(item, secrets);
    }
    return copy;
  }
  return value;
}
