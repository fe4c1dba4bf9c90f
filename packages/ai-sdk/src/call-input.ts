import type { ImageModelV4CallOptions, SharedV4Warning } from "@ai-sdk/provider";
import { InvalidArgumentError } from "@ai-sdk/provider";
import { formatPath, RequestValidationError, type ValidationIssue } from "@ideokit/core";
import type { ImagesOperation, ModelFamily } from "./model-family.ts";

/** The provider key of `providerOptions` (`providerOptions.ideogram`). */
export const PROVIDER_OPTIONS_KEY = "ideogram";

// Wire fields the AI SDK fills from its own arguments; naming the argument keeps messages in the
// caller's vocabulary ("size", not "resolution").
const ARGUMENT_OF: Readonly<Record<string, string>> = {
  prompt: "prompt",
  num_images: "n",
  aspect_ratio: "aspectRatio",
  resolution: "size",
  seed: "seed",
};

function argumentOf(issue: ValidationIssue, fromProviderOptions: ReadonlySet<string>): string {
  const field = String(issue.path[0] ?? "");
  if (fromProviderOptions.has(field) || !(field in ARGUMENT_OF)) {
    return `providerOptions.${PROVIDER_OPTIONS_KEY}.${formatPath(issue.path)}`;
  }
  return ARGUMENT_OF[field]!;
}

function invalid(modelId: string, issues: ValidationIssue[], fromProviderOptions: ReadonlySet<string>) {
  const lines = issues.map((issue) => {
    const argument = argumentOf(issue, fromProviderOptions);
    const wire = formatPath(issue.path);
    return `  - ${argument === wire ? wire : `${argument} (${wire})`}: ${issue.message}`;
  });
  return new InvalidArgumentError({
    argument: argumentOf(issues[0]!, fromProviderOptions),
    message: `Invalid Ideogram ${modelId} request (${issues.length} ${issues.length === 1 ? "issue" : "issues"}):\n${lines.join("\n")}`,
    cause: new RequestValidationError(issues),
  });
}

function providerOptionsOf(options: ImageModelV4CallOptions): Record<string, unknown> {
  const value: unknown = options.providerOptions?.[PROVIDER_OPTIONS_KEY];
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InvalidArgumentError({
      argument: `providerOptions.${PROVIDER_OPTIONS_KEY}`,
      message: `providerOptions.${PROVIDER_OPTIONS_KEY} must be an object of Ideogram request fields, got ${JSON.stringify(value)}`,
    });
  }
  return value as Record<string, unknown>;
}

/** A checked operation input plus the warnings for options the model ignores. */
export interface CallInput {
  input: Record<string, unknown>;
  warnings: SharedV4Warning[];
}

/**
 * The wire input of `operation` for one `doGenerate` call: the AI SDK's arguments in the model's
 * spelling plus `providerOptions.ideogram`, checked by core. A field the model does not support is
 * dropped with an `unsupported` warning; any other issue throws an `InvalidArgumentError` naming
 * every offending argument (its `cause` is core's `RequestValidationError` with the issues).
 */
export function callInput(
  modelId: string,
  family: ModelFamily,
  operation: ImagesOperation,
  options: ImageModelV4CallOptions,
  extra: Record<string, unknown> = {},
): CallInput {
  const fromProviderOptions = providerOptionsOf(options);
  const reserved: ValidationIssue[] = [];
  for (const field of [...Object.keys(ARGUMENT_OF), ...Object.keys(family.fixed)]) {
    if (field in fromProviderOptions) {
      const argument = ARGUMENT_OF[field];
      reserved.push({
        path: [field],
        code: "conflict",
        message: argument
          ? `set by generateImage's \`${argument}\` argument; pass it there instead`
          : `set by the model id (ideogram.image("${modelId}")); remove it`,
      });
    }
  }
  const providerKeys = new Set(Object.keys(fromProviderOptions));
  if (reserved.length > 0) throw invalid(modelId, reserved, providerKeys);

  const input: Record<string, unknown> = {
    ...fromProviderOptions,
    ...extra,
    ...family.fixed,
    prompt: options.prompt,
    num_images: options.n,
  };
  if (options.aspectRatio !== undefined) input.aspect_ratio = family.aspectRatio(options.aspectRatio);
  if (options.size !== undefined) input.resolution = family.resolution(options.size);
  if (options.seed !== undefined) input.seed = options.seed;

  const warnings: SharedV4Warning[] = [];
  for (;;) {
    const result = operation.check(input);
    if (result.success) return { input: result.data, warnings };
    const unsupported = result.issues.filter(
      (issue) => issue.code === "unsupported_by_model" && issue.path.length === 1,
    );
    if (unsupported.length === 0) throw invalid(modelId, [...result.issues], providerKeys);
    for (const issue of unsupported) {
      const field = String(issue.path[0]);
      warnings.push({
        type: "unsupported",
        feature: argumentOf(issue, providerKeys),
        details: `${field} ${issue.message}; it was not sent.`,
      });
      delete input[field];
    }
  }
}
