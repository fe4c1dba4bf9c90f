import { RequestValidationError, type ValidationIssue, validateImageRequest } from "../src/index.ts";

/** The issues `validateImageRequest(input)` reports; fails the test when it does not throw. */
export function issuesOf(
  input: unknown,
  options?: Parameters<typeof validateImageRequest>[1],
): ValidationIssue[] {
  try {
    validateImageRequest(input, options);
  } catch (error) {
    if (error instanceof RequestValidationError) return error.issues;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
}

/** The single issue reported at `field`, failing when there is not exactly one. */
export function issueAt(input: unknown, field: string): ValidationIssue {
  const found = issuesOf(input).filter((issue) => issue.path.join(".") === field);
  if (found.length !== 1) throw new Error(`expected one issue at ${field}, got ${JSON.stringify(found)}`);
  return found[0] as ValidationIssue;
}
