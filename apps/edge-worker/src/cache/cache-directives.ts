/** The directive names of a `Cache-Control` header, lower case (`max-age=0` → `max-age`). */
export function cacheDirectives(header: string | undefined): Set<string> {
  return new Set(
    (header ?? "")
      .split(",")
      .map((directive) => directive.split("=", 1)[0]!.trim().toLowerCase())
      .filter(Boolean),
  );
}
