import type { GenerateRequest, GenerateResponse } from "@ideokit/core";
import officialRequest from "../fixtures/official-request.json" with { type: "json" };
import officialResponse from "../fixtures/official-response.json" with { type: "json" };
import officialSafetyError from "../fixtures/official-safety-error.json" with { type: "json" };
import seedPageRequest from "../fixtures/seed-page-request.json" with { type: "json" };
import seedPageResponse from "../fixtures/seed-page-response.json" with { type: "json" };
import type { DeepReadonly } from "./deep-readonly.ts";

/**
 * The shape of the canonical example payloads from the service's documentation (mutable: the type
 * of a copy; {@link fixtures} itself is deeply read-only).
 */
export interface Fixtures {
  /** The request example of the reseller's page (V_1, ASPECT_10_16). */
  seedPageRequest: GenerateRequest;
  /** The response example of the reseller's page (768x1232, style_type null, ephemeral URL). */
  seedPageResponse: GenerateResponse;
  /** The request example of the official OpenAPI document. */
  officialRequest: GenerateRequest;
  /** The response example of the official OpenAPI document (two images, upscaled_resolution). */
  officialResponse: GenerateResponse;
  /** The official 422 safety-rejection body. */
  officialSafetyError: { error: string };
}

/** The documentation's example payloads, deeply frozen and typed so: copy with structuredClone before changing one. */
export const fixtures: DeepReadonly<Fixtures> = deepFreeze({
  seedPageRequest: seedPageRequest as GenerateRequest,
  seedPageResponse: seedPageResponse as GenerateResponse,
  officialRequest: officialRequest as GenerateRequest,
  officialResponse: officialResponse as GenerateResponse,
  officialSafetyError,
});

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
