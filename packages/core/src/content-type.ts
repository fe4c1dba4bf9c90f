/** One media type, as {@link parseMimeType} reads it: names lower-cased, parameter values unquoted. */
export interface MimeType {
  /** e.g. `image`. */
  type: string;
  /** e.g. `png`, `svg+xml`. */
  subtype: string;
  /** `type/subtype`, what a type is compared by. */
  essence: string;
  /** Parameter names (lower-cased) and their values (quotes and escapes removed). */
  parameters: Record<string, string>;
}

/** RFC 9110 `token`: the characters a type, subtype or parameter name may have. */
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const WHITESPACE = "[ \\t]*";
const ESSENCE = /* @__PURE__ */ new RegExp(`^${WHITESPACE}(${TOKEN})/(${TOKEN})${WHITESPACE}`, "y");
const PARAMETER = /* @__PURE__ */ new RegExp(
  `;${WHITESPACE}(${TOKEN})=(?:(${TOKEN})|"((?:[^"\\\\\\x00-\\x08\\x0a-\\x1f\\x7f]|\\\\[\\t\\x20-\\x7e\\x80-\\xff])*)")${WHITESPACE}`,
  "y",
);

/**
 * Parses a `Content-Type` value that is exactly one media type (RFC 9110 §8.3.1): `type/subtype`
 * and `;name=value` parameters, nothing else. Undefined for anything else, a list above all:
 * `image/png,text/html` and `image/png, image/svg+xml` are two types, which a browser may read as
 * either, so they are not an image.
 */
export function parseMimeType(value: string | null | undefined): MimeType | undefined {
  if (typeof value !== "string") return undefined;
  ESSENCE.lastIndex = 0;
  const essence = ESSENCE.exec(value);
  if (essence === null) return undefined;
  const type = essence[1]!.toLowerCase();
  const subtype = essence[2]!.toLowerCase();
  const parameters: Record<string, string> = {};
  let at = ESSENCE.lastIndex;
  while (at < value.length) {
    PARAMETER.lastIndex = at;
    const parameter = PARAMETER.exec(value);
    if (parameter === null) return undefined;
    const name = parameter[1]!.toLowerCase();
    parameters[name] ??= parameter[2] ?? parameter[3]!.replaceAll(/\\(.)/g, "$1");
    at = PARAMETER.lastIndex;
  }
  return { type, subtype, essence: `${type}/${subtype}`, parameters };
}

/**
 * The raster image types a client or proxy accepts as an image: no SVG (a document that runs
 * script), no icon or vendor formats.
 */
export const IMAGE_CONTENT_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;

/**
 * Whether a `Content-Type` value is exactly one media type whose essence is in `allowed` (by
 * default {@link IMAGE_CONTENT_TYPES}); a list, SVG, a wildcard or a missing value is not.
 */
export function isImageContentType(
  value: string | null | undefined,
  allowed: readonly string[] = IMAGE_CONTENT_TYPES,
): boolean {
  const parsed = parseMimeType(value);
  return parsed !== undefined && allowed.includes(parsed.essence);
}
