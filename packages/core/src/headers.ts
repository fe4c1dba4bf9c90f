/** Anything that carries HTTP headers: a plain record (Node style) or a `Headers`-like object. */
export type HeaderSource =
  | Readonly<Record<string, string | readonly string[] | number | undefined>>
  | { forEach(callback: (value: string, name: string) => void): void };

function isHeadersLike(
  source: HeaderSource,
): source is { forEach(callback: (value: string, name: string) => void): void } {
  return typeof (source as { forEach?: unknown }).forEach === "function";
}

/** Copies headers into a plain record with lower-case names (repeated values joined by ", "). */
export function normalizeHeaders(source: HeaderSource | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (source === undefined) return headers;
  if (isHeadersLike(source)) {
    source.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    return headers;
  }
  for (const [name, value] of Object.entries(source)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  return headers;
}

/** The value of one header, matched case-insensitively. */
export function headerValue(source: HeaderSource | undefined, name: string): string | undefined {
  if (source === undefined) return undefined;
  const wanted = name.toLowerCase();
  if (isHeadersLike(source)) {
    let found: string | undefined;
    source.forEach((value, key) => {
      if (key.toLowerCase() === wanted) found = value;
    });
    return found;
  }
  const direct = source[wanted];
  if (direct !== undefined) return Array.isArray(direct) ? direct.join(", ") : String(direct);
  return normalizeHeaders(source)[wanted];
}

/** The service's request id (`x-request-id`, else `request-id`), for support tickets and logs. */
export function requestIdOf(headers: HeaderSource | undefined): string | undefined {
  return headerValue(headers, "x-request-id") ?? headerValue(headers, "request-id");
}
