/** Upper-cases and joins words with "_" so "16:9", "1024x1024", "aspectRatio" and "render-3d" compare like enum names. */
function canonical(text: string): string {
  return text
    .trim()
    .replace(/(\d)\s*[xX×*:/]\s*(\d)/g, "$1_$2")
    .replace(/([a-z])([A-Z0-9])/g, "$1_$2")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

function withoutUnderscores(text: string): string {
  return text.replace(/_/g, "");
}

/** The part every candidate shares up to an underscore, e.g. "ASPECT_" or "RESOLUTION_". */
function sharedPrefix(candidates: readonly string[]): string {
  const first = candidates[0] ?? "";
  const cut = first.indexOf("_") + 1;
  const prefix = first.slice(0, cut);
  return cut > 0 && candidates.every((candidate) => candidate.startsWith(prefix)) ? prefix : "";
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function uniqueMatch(
  candidates: readonly string[],
  matches: (candidate: string) => boolean,
): string | undefined {
  const found = candidates.filter(matches);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The candidate a user most likely meant by `input`: same name in another case or separator style,
 * an alias without the shared prefix ("16:9" → "ASPECT_16_9"), or a near-miss typo.
 */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  const wanted = canonical(input);
  if (wanted === "") return undefined;
  const prefix = sharedPrefix(candidates.map(canonical));
  const withPrefix = wanted.startsWith(prefix) ? wanted : prefix + wanted;
  const exact = uniqueMatch(candidates, (candidate) => canonical(candidate) === withPrefix);
  if (exact) return exact;
  const compact = withoutUnderscores(withPrefix);
  const loose = uniqueMatch(candidates, (candidate) => withoutUnderscores(canonical(candidate)) === compact);
  if (loose) return loose;
  // A typo within a quarter of the length; a tie between two candidates is no suggestion at all.
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(withPrefix.length / 4)) + 1;
  let tied = false;
  for (const candidate of candidates) {
    const distance = editDistance(withPrefix, canonical(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tied = false;
    } else if (distance === bestDistance) {
      tied = true;
    }
  }
  return tied ? undefined : best;
}
