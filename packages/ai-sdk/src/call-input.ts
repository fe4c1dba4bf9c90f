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

type ArgumentOf = (issue: ValidationIssue) => string;

function argumentNamer(
  fromProviderOptions: ReadonlySet<string>,
  files: Readonly<Record<string, string>>,
): ArgumentOf {
  return (issue) => {
    const field = String(issue.path[0] ?? "");
    const file = files[field];
    if (file !== undefined) return file;
    if (fromProviderOptions.has(field) || !(field in ARGUMENT_OF)) {
      return `providerOptions.${PROVIDER_OPTIONS_KEY}.${formatPath(issue.path)}`;
    }
    return ARGUMENT_OF[field]!;
  };
}

function invalid(modelId: string, issues: readonly ValidationIssue[], argumentOf: ArgumentOf) {
  const lines = issues.map((issue) => {
    const argument = argumentOf(issue);
    const wire = formatPath(issue.path);
    return `  - ${argument === wire ? wire : `${argument} (${wire})`}: ${issue.message}`;
  });
  return new InvalidArgumentError({
    argument: argumentOf(issues[0]!),
    message: `Invalid Ideogram ${modelId} request (${issues.length} ${issues.length === 1 ? "issue" : "issues"}):\n${lines.join("\n")}`,
    cause: new RequestValidationError([...issues]),
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

/** A file of the call: the wire field it goes in, the AI SDK argument it came from, its value. */
export interface CallFile {
  field: string;
  argument: string;
  value: unknown;
}

function unsupported(feature: string, details: string): SharedV4Warning {
  return { type: "unsupported", feature, details };
}

/**
 * The wire input of `operation` for one `doGenerate` call: the AI SDK's arguments in the model's
 * spelling, the files, and `providerOptions.ideogram`, checked by core (fields, then the files'
 * bytes). A field the endpoint or model does not support is dropped with an `unsupported` warning;
 * any other issue throws an `InvalidArgumentError` naming every offending argument (its `cause` is
 * core's `RequestValidationError` with the issues). Nothing is sent before this passes.
 */
export async function callInput(
  modelId: string,
  family: ModelFamily,
  operation: ImagesOperation,
  options: ImageModelV4CallOptions,
  files: readonly CallFile[] = [],
): Promise<CallInput> {
  const fromProviderOptions = providerOptionsOf(options);
  const providerKeys = new Set(Object.keys(fromProviderOptions));
  // The model id is the `model` argument of generateImage (ideogram.image(id)); files name their prompt part.
  const argumentOf = argumentNamer(providerKeys, {
    ...Object.fromEntries(Object.keys(family.fixed).map((field) => [field, "model"])),
    ...Object.fromEntries(files.map((file) => [file.field, file.argument])),
  });
  const reserved: ValidationIssue[] = [];
  const conflict = (field: string, message: string) => {
    if (providerKeys.has(field)) reserved.push({ path: [field], code: "conflict", message });
  };
  for (const [field, argument] of Object.entries(ARGUMENT_OF)) {
    conflict(field, `set by generateImage's \`${argument}\` argument; pass it there instead`);
  }
  for (const field of Object.keys(family.fixed)) {
    conflict(field, `set by the model id (ideogram.image("${modelId}")); remove it`);
  }
  for (const file of files)
    conflict(file.field, `set from generateImage's \`${file.argument}\`; pass the file there`);
  if (reserved.length > 0) throw invalid(modelId, reserved, argumentNamer(providerKeys, {}));

  const warnings: SharedV4Warning[] = [];
  const input: Record<string, unknown> = { ...fromProviderOptions, prompt: options.prompt };
  for (const file of files) input[file.field] = file.value;
  const accepted = new Set(operation.fieldNames);
  // The AI SDK's arguments (and the model id) go where the endpoint has a field for them; an
  // endpoint without one (an edit keeps the image's size) gets an `unsupported` warning instead.
  const set = (field: string, value: unknown, argument?: string) => {
    if (value === undefined) return;
    if (accepted.has(field)) input[field] = value;
    else if (argument !== undefined) {
      warnings.push(
        unsupported(argument, `${operation.id} (${operation.path}) has no ${field}; it was not sent.`),
      );
    }
  };
  for (const [field, value] of Object.entries(family.fixed)) set(field, value);
  set("num_images", options.n);
  set("aspect_ratio", options.aspectRatio && family.aspectRatio(options.aspectRatio), "aspectRatio");
  set("resolution", options.size && family.resolution(options.size), "size");
  set("seed", options.seed, "seed");

  for (;;) {
    const result = operation.check(input);
    if (result.success) {
      const fileIssues = await operation.checkFiles(result.data);
      if (fileIssues.length > 0) throw invalid(modelId, fileIssues, argumentOf);
      return { input: result.data, warnings };
    }
    const dropped = result.issues.filter(
      (issue) => issue.code === "unsupported_by_model" && issue.path.length === 1,
    );
    if (dropped.length === 0) throw invalid(modelId, result.issues, argumentOf);
    for (const issue of dropped) {
      const field = String(issue.path[0]);
      warnings.push(unsupported(argumentOf(issue), `${field} ${issue.message}; it was not sent.`));
      delete input[field];
    }
  }
}
