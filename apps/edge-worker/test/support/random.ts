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
