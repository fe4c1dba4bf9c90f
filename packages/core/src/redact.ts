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

/** Every runtime core supports (Node 16+, browsers, workerd) has `btoa`; core's lib leaves it out. */
declare function btoa(data: string): string;

/**
 * The base64 digits of an ASCII secret placed `offset` bytes into an encoded text: only the digits
 * made of the secret's bits alone, since the first and last may mix in its neighbours'.
 */
function base64Digits(secret: string, offset: number): string {
  const encoded = btoa("\0".repeat(offset) + secret);
  return encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + secret.length)) / 6));
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
}

/**
 * One character of a secret as it may be written: itself (any case, with the `i` flag), `%HH`,
 * `%25HH` (encoded twice) or `\u00HH`. `%`, `\\` and non-ASCII characters match only as
 * themselves, which keeps the alternatives disjoint so matching never backtracks far.
 */
function charPattern(char: string): string {
  const code = char.charCodeAt(0);
  if (char === "%" || char === "\\" || code > 0x7f) return escapeRegExp(char);
  const hex = code.toString(16).padStart(2, "0");
  return `(?:${escapeRegExp(char)}|%(?:25)?${hex}|\\\\u00${hex})`;
}

/**
 * The forms of one secret: its characters one by one (see {@link charPattern}), then (for an ASCII
 * secret) its base64 and base64url digits at each of the three alignments it can have inside a
 * longer encoded text (alone, after `Bearer `, inside a JSON document).
 */
function secretPattern(secret: string): string {
  const forms = [[...secret].map(charPattern).join("")];
  // API keys are ASCII; other secrets are matched in their text forms only.
  if (/^[\x20-\x7e]+$/.test(secret)) {
    for (const offset of [0, 1, 2]) {
      const digits = base64Digits(secret, offset);
      forms.push(escapeRegExp(digits), escapeRegExp(digits.replaceAll("+", "-").replaceAll("/", "_")));
    }
  }
  return forms.join("|");
}

/**
 * Replaces every occurrence of each secret of at least {@link MIN_SECRET_LENGTH} characters in
 * `text` with "[redacted]": as it is, in any letter case, percent-encoded (also twice, also inside a
 * URL), as JSON `\u` escapes, and base64- or base64url-encoded alone or inside a longer encoded
 * text (`Bearer <key>`, a JSON document). Shorter secrets are left alone.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const usable = secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH);
  if (usable.length === 0) return text;
  // Longest first, so a secret that contains another is redacted whole.
  return text.replace(secretsPattern(usable.sort((a, b) => b.length - a.length)), REDACTED);
}

// Building the pattern costs far more than running it, and callers pass the same few secret lists
// text after text (redactDeep: every key and string of a document; a proxy: every answer and its
// headers): keep the recent ones, a bounded number, so rotating secrets cannot grow it. A global
// pattern is safe to share: replace() starts it from the beginning each time.
const patterns = /* @__PURE__ */ new Map<string, RegExp>();
const MAX_PATTERNS = 16;

function secretsPattern(sorted: readonly string[]): RegExp {
  const secrets = JSON.stringify(sorted);
  let pattern = patterns.get(secrets);
  if (pattern === undefined) {
    if (patterns.size >= MAX_PATTERNS) patterns.delete(patterns.keys().next().value as string);
    pattern = new RegExp(sorted.map(secretPattern).join("|"), "gi");
    patterns.set(secrets, pattern);
  }
  return pattern;
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
