import { hashString } from "./seeded-random.ts";

const DETAIL = ["intricate detail", "crisp detail", "painterly texture", "fine grain", "soft focus"];
const LIGHT = ["golden-hour light", "soft diffused light", "dramatic rim lighting", "cool morning light"];
const FRAMING = [
  "a balanced composition",
  "a wide cinematic frame",
  "a close, intimate frame",
  "a symmetrical layout",
];
const AUTO_MAX_WORDS = 12;

/**
 * The prompt the emulator reports back, like the service's MagicPrompt (`magic_prompt_option` on
 * the legacy endpoints, `magic_prompt` on 3.0): ON always appends a deterministic description (so
 * tests can see it happened), AUTO (the default) does so for prompts shorter than 12 words, OFF
 * returns the prompt unchanged.
 */
export function magicPrompt(prompt: string, option = "AUTO"): string {
  const wordCount = prompt.trim().split(/\s+/).length;
  if (option === "OFF" || (option === "AUTO" && wordCount >= AUTO_MAX_WORDS)) return prompt;
  return enhancedPrompt(prompt);
}

/** The prompt with a deterministic description appended: what `/magic-prompt` answers. */
export function enhancedPrompt(prompt: string): string {
  const hash = hashString(prompt);
  const pick = (words: string[], shift: number) => words[(hash >>> shift) % words.length];
  return `${prompt.trim()}. Rendered with ${pick(DETAIL, 0)}, ${pick(LIGHT, 8)} and ${pick(FRAMING, 16)}.`;
}
