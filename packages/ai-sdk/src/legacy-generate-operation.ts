import {
  buildGenerateRequest,
  type GenerateResponse,
  type ImageRequest,
  type Operation,
  parseGenerateResponse,
  RequestValidationError,
  ResponseValidationError,
  type SafeResult,
  validateImageRequest,
} from "@ideokit/core";

// Scaffold until core's operation table exports `generateOperation`: the legacy /generate as an
// Operation built from core's own validate/build/parse, so the model codes against the seam only.

function safely<T>(run: () => T): SafeResult<T> {
  try {
    return { success: true, data: run() };
  } catch (error) {
    if (error instanceof RequestValidationError || error instanceof ResponseValidationError) {
      return { success: false, issues: error.issues };
    }
    throw error;
  }
}

/** The legacy `POST /generate` (V_1, V_1_TURBO, V_2, V_2_TURBO) as an {@link Operation}. */
export const legacyGenerateOperation: Operation<ImageRequest, GenerateResponse> = {
  id: "generate",
  method: "POST",
  path: "/generate",
  response: "images",
  check: (input, options) => safely(() => validateImageRequest(input, options)),
  checkFiles: async () => [],
  build: (input, target) => buildGenerateRequest(input, target),
  parse: parseGenerateResponse,
  safeParse: (body) => safely(() => parseGenerateResponse(body)),
};
