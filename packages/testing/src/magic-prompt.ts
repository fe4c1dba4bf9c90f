import type { ImageRequest } from "@ideokit/core";
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
 * The prompt the emulator reports back, like the service's MagicPrompt: ON always appends a
 * deterministic description (so tests can see it happened), AUTO (the default) does so for prompts
 * shorter than 12 words, OFF returns the prompt unchanged.
 */
export function magicPrompt(request: ImageRequest): string {
  const option = request.magic_prompt_option ?? "AUTO";
  const wordCount = request.prompt.trim().split(/\s+/).length;
  if (option === "OFF" || (option === "AUTO" && wordCount >= AUTO_MAX_WORDS)) return request.prompt;
  const hash = hashString(request.prompt);
  const pick = (words: string[], shift: number) => words[(hash >>> shift) % words.length];
  return `${request.prompt.trim()}. Rendered with ${pick(DETAIL, 0)}, ${pick(LIGHT, 8)} and ${pick(FRAMING, 16)}.`;
}
