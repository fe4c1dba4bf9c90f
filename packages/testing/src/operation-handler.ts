import { formatPath, type ValidationIssue } from "@ideokit/core";
import type { Context } from "hono";
import { answer } from "./answers.ts";
import { type AuthMode, authenticate } from "./auth.ts";
import { type EmulatedOperation, isFileField } from "./emulated-operation.ts";
import { readOperationInput } from "./operation-input.ts";
import { problem } from "./problem.ts";
import type { RateLimiter } from "./rate-limiter.ts";
import type { UrlSigner } from "./url-signature.ts";

/** The service's 422 message for prompts that fail the safety check. */
export const SAFETY_REJECTION_MESSAGE =
  "Prompt provided failed safety check due to the inclusion of prohibited content.";

/** What an operation's handler needs from its emulator. */
export interface OperationDependencies {
  apiKeys: readonly string[];
  auth: AuthMode;
  limiter: RateLimiter | undefined;
  signer: UrlSigner;
  now: () => number;
  random: () => number;
  blockedWords: readonly string[];
  unsafeWords: readonly string[];
  imageTtlSeconds: number;
  latencyMs: number;
  publicURL: string | undefined;
  unknownKeys: "reject" | "passthrough";
}

/**
 * `POST` of one table operation (at its path and under `/ideogram`), checked in the service's
 * order: key (401), rate limit (429), body and core's `check` (400 naming every field), the
 * files' bytes by core's `checkFiles` (400), the prompt's safety (422); then the answer.
 */
export function createOperationHandler(operation: EmulatedOperation, deps: OperationDependencies) {
  return async (c: Context): Promise<Response> => {
    const auth = authenticate(c.req.raw.headers, deps.apiKeys, deps.auth);
    if (!auth.ok) return problem(c, 401, auth.detail);
    const waitMs = deps.limiter?.admit(auth.apiKey) ?? 0;
    if (waitMs > 0) {
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      return problem(c, 429, `Too many requests: retry in ${seconds} s`, { "retry-after": String(seconds) });
    }
    const read = await readOperationInput(c, operation, deps.unknownKeys === "reject");
    if (!read.ok) return problem(c, 400, read.detail);
    const issues = [...read.issues];
    if (read.input !== undefined) {
      const checked = operation.check(read.input, { unknownKeys: deps.unknownKeys });
      if (!checked.success) issues.push(...checked.issues.map((issue) => enveloped(operation, issue)));
    }
    if (issues.length > 0 || read.input === undefined) return badRequest(c, issues);
    const fileIssues = await operation.checkFiles(read.input as never);
    if (fileIssues.length > 0) return badRequest(c, fileIssues);
    const prompt = read.input.prompt;
    if (typeof prompt === "string" && containsWord(prompt, deps.blockedWords)) {
      return c.json({ error: SAFETY_REJECTION_MESSAGE }, 422);
    }
    if (deps.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, deps.latencyMs));
    const created = deps.now();
    const body = await answer(operation, read.input, {
      base: deps.publicURL?.replace(/\/+$/, "") ?? requestBase(c.req.url, operation.path),
      created,
      expiresAt: Math.floor(created / 1000) + deps.imageTtlSeconds,
      sign: (id, expiresAt) => deps.signer.sign(id, expiresAt),
      random: deps.random,
      unsafe: (text) => containsWord(text, deps.unsafeWords),
    });
    return c.json(body);
  };
}

function badRequest(c: Context, issues: readonly ValidationIssue[]): Response {
  return problem(c, 400, issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join("; "));
}

/** Core checks the flat input; on the wire the non-file fields of an enveloped operation sit in the envelope. */
function enveloped(operation: EmulatedOperation, issue: ValidationIssue): ValidationIssue {
  const field = issue.path[0];
  if (operation.envelope === undefined) return issue;
  if (typeof field === "string" && isFileField(operation.fields[field])) return issue;
  return { ...issue, path: [operation.envelope, ...issue.path] };
}

/** The origin plus any mount prefix of an operation's URL: where this emulator's image routes live. */
function requestBase(url: string, path: string): string {
  const { origin, pathname } = new URL(url);
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return origin + pathname.replace(new RegExp(`(?:/ideogram)?${escaped}/?$`), "");
}

function containsWord(text: string, words: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return words.some((word) => {
    const escaped = word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`(?:^|[^\\p{L}\\p{N}])${escaped}(?:$|[^\\p{L}\\p{N}])`, "u").test(lower);
  });
}
