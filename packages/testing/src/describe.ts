import { seededRandom } from "./seeded-random.ts";

const SUBJECTS = [
  "a lighthouse",
  "a red fox",
  "a city street",
  "a bowl of fruit",
  "a mountain lake",
  "an old bicycle",
];
const SETTINGS = [
  "at dusk",
  "in the morning fog",
  "under a clear sky",
  "on a rainy afternoon",
  "at golden hour",
];
const STYLES = [
  "a watercolour painting",
  "a sharp photograph",
  "a flat vector illustration",
  "a soft pastel sketch",
];
const DETAILS = [
  "muted colours",
  "strong contrast",
  "a shallow depth of field",
  "bold outlines",
  "gentle gradients",
];

/**
 * A deterministic description of an image, derived only from its bytes' hash: the same file
 * always gets the same text, different files (almost always) different ones.
 */
export function describeImage(fingerprint: number): string {
  const random = seededRandom(fingerprint);
  const pick = (words: readonly string[]) => words[Math.floor(random() * words.length)]!;
  return `${capitalize(pick(STYLES))} of ${pick(SUBJECTS)} ${pick(SETTINGS)}, with ${pick(DETAILS)}.`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
