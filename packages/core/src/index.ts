import * as z from "zod/mini";
export const PromptSchema = z.string();
/** Hello. */
export function hello(name: string): string {
  return `hi ${name}`;
}
