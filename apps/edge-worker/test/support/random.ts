/** A seeded PRNG (mulberry32): the same seed gives the same request mix on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks helpers over one random source. */
export function picker(random: () => number) {
  const int = (max: number) => Math.floor(random() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const text = (
    length: number,
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-_.~ %/\\\"'{}[]:,<>\u00e9\u4e2d",
  ) => Array.from({ length }, () => alphabet[int(alphabet.length)]).join("");
  return { int, pick, text, chance: (p: number) => random() < p };
}
