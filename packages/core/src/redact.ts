const REDACTED = "[redacted]";

/** Replaces every occurrence of each non-empty secret in `text` with "[redacted]". */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret !== "") result = result.split(secret).join(REDACTED);
  }
  return result;
}

/** Redacts secrets in every string of a JSON-like value, returning a copy when anything changed. */
export function redactDeep(value: unknown, secrets: readonly string[]): unknown {
  if (secrets.length === 0) return value;
  if (typeof value === "string") return redactSecrets(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets));
  if (typeof value === "object" && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value))
      copy[redactSecrets(key, secrets)] = redactDeep(item, secrets);
    return copy;
  }
  return value;
}
