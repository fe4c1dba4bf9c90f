import { MODELS, type Model } from "./enums.ts";
import type { ValidationIssue } from "./issues.ts";
import { type ModelDependentField, modelSupports, modelsSupporting } from "./model-support.ts";

const MODEL_DEPENDENT_FIELDS: readonly ModelDependentField[] = [
  "resolution",
  "style_type",
  "negative_prompt",
  "color_palette",
];

function isModel(value: unknown): value is Model {
  return (MODELS as readonly unknown[]).includes(value);
}

/**
 * Rules that involve more than one field of an image request. Runs on raw input too, so it only
 * judges fields that are present and skips model rules while the model itself is invalid.
 */
export function crossFieldIssues(request: Readonly<Record<string, unknown>>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (request.aspect_ratio !== undefined && request.resolution !== undefined) {
    issues.push({
      path: ["resolution"],
      code: "conflict",
      message: "cannot be combined with aspect_ratio; send only one of them",
    });
  }
  const model = request.model;
  if (model !== undefined && !isModel(model)) return issues;
  for (const field of MODEL_DEPENDENT_FIELDS) {
    if (request[field] !== undefined && !modelSupports(model, field)) {
      issues.push({
        path: [field],
        code: "unsupported_by_model",
        message: `not supported by model "${model}"; remove it or use ${modelsSupporting(field).join(", ")}`,
      });
    }
  }
  return issues;
}
